namespace Coordination.Placement;

/// <summary>
/// Autoscaling policy of a Deployment from a robotics KPI: desired = ceil(replicas x average / target), unchanged
/// while the ratio is within <see cref="Tolerance"/>, bounded by <see cref="MinReplicas"/>..<see cref="MaxReplicas"/>,
/// and stabilized: the highest recommendation of the last <see cref="ScaleDownStabilization"/> wins when scaling
/// down (slowly), the lowest of the last <see cref="ScaleUpStabilization"/> when scaling up (quickly).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorkloadAutoscaling")]
public sealed record WorkloadAutoscaling(
    [property: Id(0)] string Kpi,
    [property: Id(1)] double TargetPerReplica,
    [property: Id(2)] int MinReplicas,
    [property: Id(3)] int MaxReplicas,
    [property: Id(4)] double Tolerance,
    [property: Id(5)] TimeSpan ScaleUpStabilization,
    [property: Id(6)] TimeSpan ScaleDownStabilization);
