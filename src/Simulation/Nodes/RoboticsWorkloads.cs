using Coordination.Placement;
using Coordination.Placement.Engine;

namespace Coordination.Simulation.Nodes;

/// <summary>
/// The robotics workloads the simulation asks the placement grain to place on the simulated Jetsons (an
/// in-memory Kubernetes): perception and inference need GPU memory, sensor processing is light; each replica adds
/// a share of GPU load to the node it runs on.
/// </summary>
public static class RoboticsWorkloads
{
    public const string Namespace = "robotics";

    private static readonly (string Name, int Priority, Resources Requests, double GpuLoad, double ReplicasPerNode)[] Catalog =
    [
        ("perception", 100, new Resources(2048, 1500, 2048), 0.25, 0.5),
        ("inference", 80, new Resources(3072, 1000, 3072), 0.30, 0.34),
        ("sensor-processing", 10, new Resources(256, 500, 512), 0.05, 1.0),
    ];

    public static void AddTo(InMemoryClusterActuator cluster, int nodes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var (name, priority, requests, _, perNode) in Catalog)
        {
            var key = new WorkloadKey(Namespace, name);
            var template = new ClusterPod(new PodKey(Namespace, name), key) { Priority = priority, Requests = requests };
            cluster.AddDeployment(key, Math.Max(1, (int)Math.Round(nodes * perNode)), template);
        }
    }

    /// <summary>GPU load the pods on <paramref name="node"/> put on it.</summary>
    public static double GpuDemand(IReadOnlyList<ClusterPod> pods, string node)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var demand = 0.05;
        foreach (var pod in pods)
        {
            if (pod.NodeName == node)
            {
                foreach (var w in Catalog)
                {
                    if (w.Name == pod.Workload.Name)
                    {
                        demand += w.GpuLoad;
                    }
                }
            }
        }

        return demand;
    }
}
