namespace Coordination.Placement;

/// <summary>What the placement grain knows and did: nodes, workloads, unscheduled replicas, recent decisions, totals.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlacementStatus")]
public sealed record PlacementStatus(
    [property: Id(0)] string Cluster,
    [property: Id(1)] string Actuator,
    [property: Id(2)] DateTimeOffset? LastReconcileAt,
    [property: Id(3)] IReadOnlyList<PlacementNodeStatus> Nodes,
    [property: Id(4)] IReadOnlyList<PlacementWorkloadStatus> Workloads,
    [property: Id(5)] IReadOnlyList<string> Unscheduled,
    [property: Id(6)] IReadOnlyList<PlacementDecision> RecentDecisions,
    [property: Id(7)] long Decisions,
    [property: Id(8)] long Bindings,
    [property: Id(9)] long Evictions,
    [property: Id(10)] string? LastError);
