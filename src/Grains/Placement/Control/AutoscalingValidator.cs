namespace Coordination.Placement;

/// <summary>Checks an autoscaling policy; every problem names its field.</summary>
public static class AutoscalingValidator
{
    /// <summary>Upper bound on replicas, so a typo cannot ask for a million pods.</summary>
    public const int MaxReplicasLimit = 10_000;

    public static IReadOnlyList<string> Validate(WorkloadAutoscaling policy, string path)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(policy.Kpi))
        {
            problems.Add($"{path}.kpi: must not be empty");
        }

        if (!(policy.TargetPerReplica > 0) || !double.IsFinite(policy.TargetPerReplica))
        {
            problems.Add($"{path}.targetPerReplica: must be a number > 0");
        }

        if (policy.MinReplicas < 0)
        {
            problems.Add($"{path}.minReplicas: must be >= 0");
        }

        if (policy.MaxReplicas < Math.Max(1, policy.MinReplicas))
        {
            problems.Add($"{path}.maxReplicas: must be >= 1 and >= minReplicas ({policy.MinReplicas})");
        }

        if (policy.MaxReplicas > MaxReplicasLimit)
        {
            problems.Add($"{path}.maxReplicas: must be <= {MaxReplicasLimit}");
        }

        if (!(policy.Tolerance >= 0 && policy.Tolerance < 1))
        {
            problems.Add($"{path}.tolerance: must be in [0, 1)");
        }

        if (policy.ScaleUpStabilization < TimeSpan.Zero || policy.ScaleUpStabilization > TimeSpan.FromHours(1))
        {
            problems.Add($"{path}.scaleUpStabilization: must be between 0 and 1 hour");
        }

        if (policy.ScaleDownStabilization < TimeSpan.Zero || policy.ScaleDownStabilization > TimeSpan.FromHours(1))
        {
            problems.Add($"{path}.scaleDownStabilization: must be between 0 and 1 hour");
        }

        return problems;
    }
}
