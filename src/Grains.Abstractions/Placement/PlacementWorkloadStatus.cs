namespace Coordination.Placement;

/// <summary>A workload (<c>namespace/name</c>): its pods, and its autoscaling state when it has a policy.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlacementWorkloadStatus")]
public sealed record PlacementWorkloadStatus(
    [property: Id(0)] string Workload,
    [property: Id(1)] int Priority,
    [property: Id(2)] int Running,
    [property: Id(3)] int Pending,
    [property: Id(4)] int? SpecReplicas,
    [property: Id(5)] int? DesiredReplicas,
    [property: Id(6)] string? Kpi,
    [property: Id(7)] double? KpiValue);
