using System.Globalization;

namespace Coordination.Placement.Engine;

/// <summary>
/// Checks a plan against a problem independently of the solver: every replica exactly once, every hard rule of the
/// contract, evictions and moves consistent with <see cref="PlacementProblem.Current"/>, and preemption reasons only
/// downwards. Returns one message per violation (empty when the plan is sound). Used by benchmarks and tests; a
/// placement grain may call it before applying a plan it did not compute itself.
/// </summary>
public static class PlacementPlanChecker
{
    /// <summary>Every violation found.</summary>
    public static IReadOnlyList<string> Check(PlacementProblem problem, PlacementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var violations = new List<string>();
        var nodes = new Dictionary<string, PlacementNode>(StringComparer.Ordinal);
        foreach (var node in problem.Nodes)
        {
            nodes[node.Name] = node;
        }

        var workloads = new Dictionary<string, PlacementWorkload>(StringComparer.Ordinal);
        foreach (var workload in problem.Workloads)
        {
            workloads[workload.Name] = workload;
        }

        var seen = new HashSet<(string, int)>();
        var placed = new Dictionary<(string, int), string>();
        var perNode = new Dictionary<string, List<PlacementWorkload>>(StringComparer.Ordinal);
        foreach (var a in plan.Assignments)
        {
            if (!workloads.TryGetValue(a.Workload, out var workload) || a.Replica < 0 || a.Replica >= workload.Replicas)
            {
                violations.Add($"assignment of unknown replica {a.Workload}[{a.Replica}]");
                continue;
            }

            if (!seen.Add((a.Workload, a.Replica)))
            {
                violations.Add($"{a.Workload}[{a.Replica}] appears more than once");
                continue;
            }

            if (!nodes.TryGetValue(a.Node, out var node))
            {
                violations.Add($"{a.Workload}[{a.Replica}] assigned to unknown node {a.Node}");
                continue;
            }

            placed[(a.Workload, a.Replica)] = a.Node;
            if (!perNode.TryGetValue(a.Node, out var list))
            {
                perNode[a.Node] = list = [];
            }

            list.Add(workload);
            CheckNodeRules(workload, node, a, violations);
        }

        foreach (var u in plan.Unscheduled)
        {
            if (!workloads.TryGetValue(u.Workload, out var workload) || u.Replica < 0 || u.Replica >= workload.Replicas)
            {
                violations.Add($"unscheduled entry for unknown replica {u.Workload}[{u.Replica}]");
            }
            else if (!seen.Add((u.Workload, u.Replica)))
            {
                violations.Add($"{u.Workload}[{u.Replica}] appears more than once");
            }

            if (string.IsNullOrWhiteSpace(u.Reason))
            {
                violations.Add($"{u.Workload}[{u.Replica}] is unscheduled without a reason");
            }
        }

        foreach (var workload in problem.Workloads)
        {
            for (var i = 0; i < workload.Replicas; i++)
            {
                if (!seen.Contains((workload.Name, i)))
                {
                    violations.Add($"{workload.Name}[{i}] is neither assigned nor unscheduled");
                }
            }
        }

        foreach (var (nodeName, list) in perNode)
        {
            CheckCapacityAndAntiAffinity(nodes[nodeName], list, violations);
        }

        CheckEvictions(problem, plan, workloads, placed, violations);
        return violations;
    }

    private static void CheckNodeRules(PlacementWorkload workload, PlacementNode node, ReplicaAssignment a, List<string> violations)
    {
        var who = $"{a.Workload}[{a.Replica}] on {a.Node}";
        if (!node.Ready)
        {
            violations.Add($"{who}: node not ready");
        }

        if (node.Unschedulable)
        {
            violations.Add($"{who}: node unschedulable");
        }

        foreach (var (key, value) in workload.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                violations.Add($"{who}: node selector {key}={value} not matched");
            }
        }

        foreach (var taint in node.Taints)
        {
            if (taint.Effect == TaintEffect.NoSchedule && !workload.Tolerations.Any(t => t.Tolerates(taint)))
            {
                violations.Add($"{who}: NoSchedule taint {taint} not tolerated");
            }
        }

        if (workload.MaxTemperatureC is { } max && node.Telemetry?.TemperatureC is { } temperature && temperature > max)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{who}: node at {temperature}C above maxTemperatureC {max}"));
        }
    }

    private static void CheckCapacityAndAntiAffinity(PlacementNode node, List<PlacementWorkload> list, List<string> violations)
    {
        long gpu = 0, cpu = 0, memory = 0;
        foreach (var workload in list)
        {
            gpu += workload.Requests.GpuMemoryMiB;
            cpu += workload.Requests.CpuMillicores;
            memory += workload.Requests.MemoryMiB;
        }

        if (gpu > node.Allocatable.GpuMemoryMiB)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{node.Name}: gpuMemoryMiB {gpu} > allocatable {node.Allocatable.GpuMemoryMiB}"));
        }

        if (cpu > node.Allocatable.CpuMillicores)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{node.Name}: cpuMillicores {cpu} > allocatable {node.Allocatable.CpuMillicores}"));
        }

        if (memory > node.Allocatable.MemoryMiB)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{node.Name}: memoryMiB {memory} > allocatable {node.Allocatable.MemoryMiB}"));
        }

        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[i].AntiAffinity.Contains(list[j].Name) || list[j].AntiAffinity.Contains(list[i].Name))
                {
                    violations.Add($"{node.Name}: {list[i].Name} and {list[j].Name} share the node despite anti-affinity");
                }
            }
        }
    }

    private static void CheckEvictions(PlacementProblem problem, PlacementPlan plan, Dictionary<string, PlacementWorkload> workloads, Dictionary<(string, int), string> placed, List<string> violations)
    {
        var expected = new Dictionary<(string, int), string>();
        var moves = 0;
        foreach (var c in problem.Current)
        {
            var now = placed.GetValueOrDefault((c.Workload, c.Replica));
            if (now != c.Node)
            {
                expected[(c.Workload, c.Replica)] = c.Node;
                if (now is not null)
                {
                    moves++;
                }
            }
        }

        if (plan.Moves != moves)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"moves is {plan.Moves}, but {moves} current replicas changed node"));
        }

        var listed = new HashSet<(string, int)>();
        foreach (var e in plan.Evictions)
        {
            if (!expected.TryGetValue((e.Workload, e.Replica), out var node) || node != e.Node)
            {
                violations.Add($"eviction of {e.Workload}[{e.Replica}] from {e.Node} does not match the current placement and the plan");
                continue;
            }

            listed.Add((e.Workload, e.Replica));
            if (PreemptionReason.TryParse(e.Reason, out var by, out var high, out var low))
            {
                var victim = workloads[e.Workload].Priority;
                if (high <= low || low != victim || !workloads.TryGetValue(by, out var preemptor) || preemptor.Priority != high)
                {
                    violations.Add($"eviction of {e.Workload}[{e.Replica}]: '{e.Reason}' is not a preemption by a strictly higher priority");
                }
            }
        }

        foreach (var key in expected.Keys)
        {
            if (!listed.Contains(key))
            {
                violations.Add($"{key.Item1}[{key.Item2}] left its current node {expected[key]} but is not listed in evictions");
            }
        }
    }
}
