namespace Coordination.Deployment.Tests.Rules;

/// <summary>Node labels and taints of a Jetson cluster, and the placement scheduler's pod annotation.</summary>
public static class JetsonLabels
{
    public const string GpuProduct = "nvidia.com/gpu.product";
    public const string Profile = "coordination.io/jetson-profile";
    public const string Tier = "coordination.io/tier";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string EdgeTaint = "coordination.io/edge";
    public const string GpuMemoryAnnotation = "coordination.io/gpu-memory-mib";

    public const string HighPerformance = "high-performance";
    public const string Balanced = "balanced";
    public const string Edge = "edge";

    public static IReadOnlySet<string> Tiers { get; } = new HashSet<string> { HighPerformance, Balanced, Edge };

    /// <summary>Keys whose presence in a pod's scheduling constraints means "Jetson-specific".</summary>
    public static bool IsJetsonKey(string key) =>
        key.StartsWith("nvidia.com/", StringComparison.Ordinal) || key.StartsWith("coordination.io/", StringComparison.Ordinal);
}
