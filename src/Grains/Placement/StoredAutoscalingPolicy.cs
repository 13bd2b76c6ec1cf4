namespace Coordination.Placement;

/// <summary>A persisted autoscaling policy (plain properties, so any storage serializer round-trips it).</summary>
[GenerateSerializer]
[Alias("Coordination.StoredAutoscalingPolicy")]
public sealed class StoredAutoscalingPolicy
{
    [Id(0)]
    public string Workload { get; set; } = string.Empty;

    [Id(1)]
    public string Kpi { get; set; } = string.Empty;

    [Id(2)]
    public double TargetPerReplica { get; set; }

    [Id(3)]
    public int MinReplicas { get; set; }

    [Id(4)]
    public int MaxReplicas { get; set; }

    [Id(5)]
    public double Tolerance { get; set; }

    [Id(6)]
    public double ScaleUpStabilizationSeconds { get; set; }

    [Id(7)]
    public double ScaleDownStabilizationSeconds { get; set; }

    public static StoredAutoscalingPolicy From(string workload, WorkloadAutoscaling policy) => new()
    {
        Workload = workload,
        Kpi = policy.Kpi,
        TargetPerReplica = policy.TargetPerReplica,
        MinReplicas = policy.MinReplicas,
        MaxReplicas = policy.MaxReplicas,
        Tolerance = policy.Tolerance,
        ScaleUpStabilizationSeconds = policy.ScaleUpStabilization.TotalSeconds,
        ScaleDownStabilizationSeconds = policy.ScaleDownStabilization.TotalSeconds,
    };

    public WorkloadAutoscaling ToPolicy() => new(
        Kpi,
        TargetPerReplica,
        MinReplicas,
        MaxReplicas,
        Tolerance,
        TimeSpan.FromSeconds(ScaleUpStabilizationSeconds),
        TimeSpan.FromSeconds(ScaleDownStabilizationSeconds));
}
