namespace Coordination.Placement;

/// <summary>How a pod enters the placement problem.</summary>
internal enum ReplicaRole
{
    /// <summary>Bound and staying unless the engine moves it.</summary>
    Current,

    /// <summary>Bound, but chosen to move off its node (throttling, rebalancing): placed elsewhere if there is room.</summary>
    Victim,

    /// <summary>Pending: to bind.</summary>
    Pending,
}
