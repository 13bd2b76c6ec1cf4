namespace Coordination.Placement;

/// <summary>
/// One reading of a robotics KPI by one reporter (usually a pod) of a workload (<c>namespace/name</c> of its
/// Deployment). The autoscaler averages the latest reading of every reporter that is not older than the KPI max age.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.KpiSample")]
public sealed record KpiSample(
    [property: Id(0)] string Workload,
    [property: Id(1)] string Kpi,
    [property: Id(2)] double Value,
    [property: Id(3)] string Source,
    [property: Id(4)] DateTimeOffset At);
