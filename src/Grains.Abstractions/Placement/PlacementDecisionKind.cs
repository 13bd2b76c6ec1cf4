namespace Coordination.Placement;

/// <summary>What the placement grain decided.</summary>
[GenerateSerializer]
[Alias("Coordination.PlacementDecisionKind")]
public enum PlacementDecisionKind
{
    /// <summary>Bind a pending pod to a node.</summary>
    Bind = 0,

    /// <summary>Evict a pod (through the Eviction API, which honours PodDisruptionBudgets).</summary>
    Evict = 1,

    /// <summary>Scale a Deployment.</summary>
    Scale = 2,

    /// <summary>Cordon a node (no new pods).</summary>
    Cordon = 3,

    /// <summary>Uncordon a node this grain cordoned.</summary>
    Uncordon = 4,

    /// <summary>A replica that fits nowhere.</summary>
    Unscheduled = 5,
}
