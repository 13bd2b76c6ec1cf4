namespace Coordination.Placement.Engine;

/// <summary>Why a <c>current</c> replica last left a node.</summary>
internal enum DisplacementKind : byte
{
    None = 0,

    /// <summary>Its current node no longer accepts it (<see cref="Displacement.Failure"/>).</summary>
    KeepFailed,

    /// <summary>Evicted by a replica of strictly higher priority (<see cref="Displacement.ByReplica"/>).</summary>
    Preempted,

    /// <summary>Moved by the repair search to make room for <see cref="Displacement.ByReplica"/>.</summary>
    MadeRoom,
}
