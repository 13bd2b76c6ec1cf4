namespace Coordination.Placement;

/// <summary>A Deployment whose pods this scheduler places; <see cref="Autoscaling"/> from its annotations, if any.</summary>
public sealed record ClusterDeployment(WorkloadKey Key, int Replicas)
{
    public WorkloadAutoscaling? Autoscaling { get; init; }

    /// <summary>Why the autoscaling annotations were ignored (bad value), if they were.</summary>
    public string? AutoscalingError { get; init; }
}
