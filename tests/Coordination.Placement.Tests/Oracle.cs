using Coordination.Placement.Engine;

namespace Coordination.Placement.Tests;

/// <summary>Brute-force checks written independently of the engine.</summary>
internal static class Oracle
{
    /// <summary>
    /// A node where one more replica of <paramref name="workloadName"/> would pass every filter if all replicas of
    /// strictly lower priority were evicted from it, or <c>null</c>.
    /// </summary>
    public static string? NodeThatCouldTakeByPreemption(PlacementProblem problem, PlacementPlan plan, string workloadName)
    {
        var workloads = problem.Workloads.ToDictionary(w => w.Name);
        var workload = workloads[workloadName];
        foreach (var node in problem.Nodes)
        {
            if (!node.Ready || node.Unschedulable
                || workload.NodeSelector.Any(s => !node.Labels.TryGetValue(s.Key, out var v) || v != s.Value)
                || node.Taints.Any(t => t.Effect != TaintEffect.PreferNoSchedule && !workload.Tolerations.Any(x => x.Tolerates(t)))
                || (workload.MaxTemperatureC is { } max && node.Telemetry?.TemperatureC > max))
            {
                continue;
            }

            var staying = plan.Assignments.Where(a => a.Node == node.Name).Select(a => workloads[a.Workload]).Where(w => w.Priority >= workload.Priority).ToList();
            var conflict = staying.Any(w => w.AntiAffinity.Contains(workload.Name) || workload.AntiAffinity.Contains(w.Name));
            var fits = staying.Sum(w => w.Requests.GpuMemoryMiB) + workload.Requests.GpuMemoryMiB <= node.Allocatable.GpuMemoryMiB
                && staying.Sum(w => w.Requests.CpuMillicores) + workload.Requests.CpuMillicores <= node.Allocatable.CpuMillicores
                && staying.Sum(w => w.Requests.MemoryMiB) + workload.Requests.MemoryMiB <= node.Allocatable.MemoryMiB;
            if (!conflict && fits)
            {
                return node.Name;
            }
        }

        return null;
    }

    /// <summary>Lexicographic comparison of placed replica counts, highest priority first.</summary>
    public static int ComparePlacedByPriority(PlacementProblem problem, PlacementPlan a, PlacementPlan b)
    {
        var priority = problem.Workloads.ToDictionary(w => w.Name, w => w.Priority);
        var countsA = a.Assignments.GroupBy(x => priority[x.Workload]).ToDictionary(g => g.Key, g => g.Count());
        var countsB = b.Assignments.GroupBy(x => priority[x.Workload]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var p in countsA.Keys.Union(countsB.Keys).OrderDescending())
        {
            var c = countsA.GetValueOrDefault(p).CompareTo(countsB.GetValueOrDefault(p));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
