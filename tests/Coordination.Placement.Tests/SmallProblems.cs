using Coordination.Placement.Engine;
using CsCheck;

namespace Coordination.Placement.Tests;

/// <summary>
/// CsCheck generator of small problems that exercise every rule: a list of draws is turned into 1–6 nodes
/// (sizes, zones, not ready, cordoned, NoSchedule/PreferNoSchedule/NoExecute taints, temperatures) and 1–5 workloads
/// (replicas, priorities, requests, selectors, Equal/Exists tolerations, self and cross anti-affinity, temperature
/// limits), plus an arbitrary current placement. Shrinking the draws towards zero simplifies the problem.
/// </summary>
internal static class SmallProblems
{
    public static readonly Gen<PlacementProblem> Any = Gen.Int[0, 1_000_000].Array[40, 160].Select(Build);

    public static PlacementProblem Build(int[] draws)
    {
        var cursor = 0;
        int Next(int modulo) => draws.Length == 0 ? 0 : (draws[cursor++ % draws.Length] + (cursor / draws.Length)) % modulo;

        var nodes = new List<PlacementNode>();
        var nodeCount = 1 + Next(6);
        for (var i = 0; i < nodeCount; i++)
        {
            long gpu = new[] { 1024, 2048, 4096, 8192 }[Next(4)];
            var taint = Next(6) switch
            {
                0 => new Taint("dedicated", "gpu", TaintEffect.NoSchedule),
                1 => new Taint("dedicated", "gpu", TaintEffect.PreferNoSchedule),
                2 => new Taint("maintenance", "", TaintEffect.NoExecute),
                _ => null,
            };
            nodes.Add(new PlacementNode($"n{i}")
            {
                Labels = new Dictionary<string, string> { ["zone"] = $"z{Next(2)}" },
                Taints = taint is null ? [] : [taint],
                Allocatable = new Resources(gpu, new[] { 1000, 2000, 4000 }[Next(3)], gpu),
                Ready = Next(8) != 0,
                Unschedulable = Next(8) == 0,
                Telemetry = Next(4) == 0 ? null : new NodeTelemetry(Next(100) / 100.0, 40 + Next(50), Next(30), 30),
            });
        }

        var workloadCount = 1 + Next(5);
        var workloads = new List<PlacementWorkload>();
        for (var j = 0; j < workloadCount; j++)
        {
            long gpu = new[] { 0, 512, 1024, 2048, 3072 }[Next(5)];
            var toleration = Next(5) switch
            {
                0 => new Toleration("dedicated", TolerationOperator.Equal, "gpu", TaintEffect.NoSchedule),
                1 => new Toleration("dedicated", TolerationOperator.Exists),
                2 => new Toleration("", TolerationOperator.Exists),
                _ => null,
            };
            var anti = Next(4) switch
            {
                0 => new[] { $"w{j}" },
                1 => [$"w{Next(workloadCount)}"],
                _ => [],
            };
            workloads.Add(new PlacementWorkload($"w{j}")
            {
                Replicas = Next(4),
                Priority = new[] { 0, 10, 100 }[Next(3)],
                Requests = new Resources(gpu, new[] { 0, 250, 500, 1000 }[Next(4)], gpu / 2),
                NodeSelector = Next(4) == 0 ? new Dictionary<string, string> { ["zone"] = $"z{Next(2)}" } : new Dictionary<string, string>(),
                Tolerations = toleration is null ? [] : [toleration],
                AntiAffinity = anti,
                MaxTemperatureC = Next(3) == 0 ? 60 + Next(30) : null,
            });
        }

        var current = new List<ReplicaAssignment>();
        var taken = new HashSet<(int, int)>();
        var currentCount = Next(10);
        for (var k = 0; k < currentCount; k++)
        {
            var w = Next(workloadCount);
            if (workloads[w].Replicas == 0)
            {
                continue;
            }

            var replica = Next(workloads[w].Replicas);
            if (taken.Add((w, replica)))
            {
                current.Add(new ReplicaAssignment($"w{w}", replica, $"n{Next(nodeCount)}"));
            }
        }

        return new PlacementProblem(nodes, workloads) { Current = current };
    }
}
