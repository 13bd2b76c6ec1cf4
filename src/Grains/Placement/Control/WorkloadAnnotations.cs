using System.Globalization;

namespace Coordination.Placement;

/// <summary>
/// The annotations and labels the placement grain reads on pods, Deployments and nodes (<c>coordination.io/*</c>),
/// and the parsing of a Deployment's autoscaling annotations.
/// </summary>
public static class WorkloadAnnotations
{
    /// <summary>Pod annotation: GPU memory the pod needs, in MiB (Jetson GPU memory is not an extended resource).</summary>
    public const string GpuMemoryMiB = "coordination.io/gpu-memory-mib";

    /// <summary>Pod annotation or label: the workload a pod belongs to (else label <see cref="NameLabel"/>).</summary>
    public const string Workload = "coordination.io/workload";

    /// <summary>The well-known name label (the workload of a pod when <see cref="Workload"/> is absent).</summary>
    public const string NameLabel = "app.kubernetes.io/name";

    /// <summary>Pod annotation: priority when the pod has no spec.priority.</summary>
    public const string Priority = "coordination.io/priority";

    /// <summary>Node labels: Jetson profile, tier, zone, GPU product.</summary>
    public const string JetsonProfileLabel = "coordination.io/jetson-profile";

    public const string TierLabel = "coordination.io/tier";

    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public const string GpuProductLabel = "nvidia.com/gpu.product";

    /// <summary>Node annotation set when the placement grain cordoned the node (so it only uncordons its own cordons).</summary>
    public const string CordonedBy = "coordination.io/cordoned-by";

    /// <summary>Deployment annotations of an autoscaling policy (KPI and target are required, the rest have defaults).</summary>
    public const string AutoscaleKpi = "coordination.io/autoscale-kpi";

    public const string AutoscaleTarget = "coordination.io/autoscale-target";

    public const string AutoscaleMin = "coordination.io/autoscale-min";

    public const string AutoscaleMax = "coordination.io/autoscale-max";

    public const string AutoscaleTolerance = "coordination.io/autoscale-tolerance";

    public const string AutoscaleUpWindow = "coordination.io/autoscale-up-window-seconds";

    public const string AutoscaleDownWindow = "coordination.io/autoscale-down-window-seconds";

    /// <summary>Defaults of a policy given by annotations.</summary>
    public static readonly TimeSpan DefaultScaleUpStabilization = TimeSpan.Zero;

    public static readonly TimeSpan DefaultScaleDownStabilization = TimeSpan.FromMinutes(5);

    public const double DefaultTolerance = 0.1;

    /// <summary>
    /// Reads the autoscaling policy of a Deployment; <c>null</c> without <see cref="AutoscaleKpi"/>. A bad value
    /// gives <paramref name="error"/> naming the annotation, and no policy.
    /// </summary>
    public static WorkloadAutoscaling? ParseAutoscaling(IReadOnlyDictionary<string, string>? annotations, int currentReplicas, out string? error)
    {
        error = null;
        if (annotations is null || !annotations.TryGetValue(AutoscaleKpi, out var kpi) || string.IsNullOrWhiteSpace(kpi))
        {
            return null;
        }

        var problems = new List<string>();
        var target = Number(annotations, AutoscaleTarget, null, problems);
        var min = Integer(annotations, AutoscaleMin, 1, problems);
        var max = Integer(annotations, AutoscaleMax, Math.Max(min, currentReplicas), problems);
        var tolerance = Number(annotations, AutoscaleTolerance, DefaultTolerance, problems);
        var up = Number(annotations, AutoscaleUpWindow, DefaultScaleUpStabilization.TotalSeconds, problems);
        var down = Number(annotations, AutoscaleDownWindow, DefaultScaleDownStabilization.TotalSeconds, problems);
        if (problems.Count == 0)
        {
            var policy = new WorkloadAutoscaling(kpi.Trim(), target, min, max, tolerance, TimeSpan.FromSeconds(up), TimeSpan.FromSeconds(down));
            problems.AddRange(AutoscalingValidator.Validate(policy, "annotations"));
            if (problems.Count == 0)
            {
                return policy;
            }
        }

        error = string.Join("; ", problems);
        return null;
    }

    private static double Number(IReadOnlyDictionary<string, string> annotations, string key, double? fallback, List<string> problems)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            if (fallback is { } value)
            {
                return value;
            }

            problems.Add($"{key}: is required");
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
        {
            problems.Add($"{key}: '{text}' is not a number");
            return 0;
        }

        return parsed;
    }

    private static int Integer(IReadOnlyDictionary<string, string> annotations, string key, int fallback, List<string> problems)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            problems.Add($"{key}: '{text}' is not an integer");
            return fallback;
        }

        return parsed;
    }
}
