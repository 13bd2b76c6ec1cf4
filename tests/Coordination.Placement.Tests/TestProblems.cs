using Coordination.Placement.Engine;

namespace Coordination.Placement.Tests;

/// <summary>Small builders for hand-made problems.</summary>
internal static class TestProblems
{
    /// <summary>A search budget no tiny test reaches: the search stops on its own, so results do not depend on timing.</summary>
    public static readonly PlacementOptions Options = new() { Budget = TimeSpan.FromSeconds(30), Seed = 7 };

    public const string ContractExample = """
        {
          "nodes": [
            {
              "name": "agx-orin-01",
              "profile": "agx-orin-64gb",
              "labels": {"zone": "dock-a", "jetson/profile": "agx-orin-64gb"},
              "taints": [{"key": "dedicated", "value": "perception", "effect": "NoSchedule"}],
              "allocatable": {"gpuMemoryMiB": 57344, "cpuMillicores": 12000, "memoryMiB": 57344},
              "ready": true,
              "unschedulable": false,
              "telemetry": {"gpuUtilization": 0.35, "temperatureC": 61.0, "powerWatts": 38.5, "powerBudgetWatts": 60.0}
            }
          ],
          "workloads": [
            {
              "name": "yolo-inference",
              "replicas": 3,
              "priority": 100,
              "requests": {"gpuMemoryMiB": 4096, "cpuMillicores": 2000, "memoryMiB": 4096},
              "nodeSelector": {"zone": "dock-a"},
              "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "perception", "effect": "NoSchedule"}],
              "antiAffinity": ["yolo-inference"],
              "maxTemperatureC": 80.0
            }
          ],
          "current": [{"workload": "yolo-inference", "replica": 0, "node": "agx-orin-01"}]
        }
        """;

    public const string ContractOutputExample = """
        {
          "assignments": [{"workload": "yolo-inference", "replica": 0, "node": "agx-orin-01"}],
          "unscheduled": [{"workload": "yolo-inference", "replica": 2, "reason": "0/6 nodes: 4 insufficient gpuMemoryMiB, 2 anti-affinity"}],
          "evictions":   [{"workload": "log-shipper", "replica": 1, "node": "nano-03", "reason": "preempted by yolo-inference (priority 100 > 10)"}],
          "moves": 0,
          "runtimeMs": 3.2
        }
        """;

    public static PlacementNode Node(string name, long gpu, long cpu = 8000, long memory = -1) =>
        new(name) { Allocatable = new Resources(gpu, cpu, memory < 0 ? gpu : memory) };

    public static PlacementWorkload Workload(string name, int replicas, long gpu, int priority = 0, long cpu = 0, long memory = 0) =>
        new(name) { Replicas = replicas, Priority = priority, Requests = new Resources(gpu, cpu, memory) };

    public static PlacementPlan Solve(PlacementProblem problem) => PlacementEngine.Solve(problem, Options, TestContext.Current.CancellationToken);

    public static string NodeOf(PlacementPlan plan, string workload, int replica) =>
        plan.Assignments.Single(a => a.Workload == workload && a.Replica == replica).Node;

    public static void AssertSound(PlacementProblem problem, PlacementPlan plan)
    {
        var violations = PlacementPlanChecker.Check(problem, plan);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
