using Orleans.Placement;

namespace Coordination.Placement;

/// <summary>
/// Placement filter of the placement grain: only silos whose metadata roles (<see cref="RolesMetadataKey"/>) contain
/// <see cref="SchedulerRole"/>, the silos that run the Kubernetes actuator; every silo when none has the role
/// (a development cluster), so the grain can always be placed.
/// </summary>
public sealed class SchedulerSiloPlacementFilterStrategy : PlacementFilterStrategy
{
    /// <summary>Silo metadata key with the comma-separated roles of the silo (set by the host).</summary>
    public const string RolesMetadataKey = "coordination.roles";

    /// <summary>The role of silos that run the Kubernetes actuator.</summary>
    public const string SchedulerRole = "scheduler";

    public SchedulerSiloPlacementFilterStrategy()
        : base(0)
    {
    }
}
