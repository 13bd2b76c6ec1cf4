using Coordination.Placement;
using Coordination.Placement.Engine;

namespace Coordination.Tests.Placement;

/// <summary>Builds small Jetson clusters in an <see cref="InMemoryClusterActuator"/> for placement tests.</summary>
internal static class TestCluster
{
    public const string Namespace = "robotics";

    public static ClusterNode Node(string name, string profile = "orin-nx-16gb", string zone = "dock-a")
    {
        JetsonProfiles.TryGet(profile, out var p);
        return new ClusterNode(name)
        {
            Labels = new Dictionary<string, string>
            {
                [WorkloadAnnotations.JetsonProfileLabel] = profile,
                [WorkloadAnnotations.TierLabel] = JetsonProfiles.TierName(p.Tier),
                [WorkloadAnnotations.ZoneLabel] = zone,
                [WorkloadAnnotations.GpuProductLabel] = "Orin",
            },
            Allocatable = p.Allocatable,
        };
    }

    public static ClusterPod Template(string workload, int priority, long gpuMiB, long cpuMillicores = 500, long memoryMiB = 512) =>
        new(new PodKey(Namespace, workload), new WorkloadKey(Namespace, workload))
        {
            Priority = priority,
            Requests = new Resources(gpuMiB, cpuMillicores, memoryMiB),
            Labels = new Dictionary<string, string> { [WorkloadAnnotations.NameLabel] = workload },
        };

    public static NodeSnapshot Snapshot(string node, NodeHealth health, DateTimeOffset at, double temperature = 55, double power = 10, double budget = 25) =>
        new(node, "orin-nx-16gb", "balanced", health, 0.3, temperature, power, budget, 16384, 4096, 8, new Dictionary<string, string>(), at);

    public static WorkloadKey Key(string workload) => new(Namespace, workload);
}
