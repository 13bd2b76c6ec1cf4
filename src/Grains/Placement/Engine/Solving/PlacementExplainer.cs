using System.Globalization;

namespace Coordination.Placement.Engine;

/// <summary>Per-replica, per-node verdicts for <c>--explain</c>.</summary>
internal static class PlacementExplainer
{
    public static IReadOnlyList<ReplicaExplanation> Explain(SolverModel model, PlacementPlan plan)
    {
        var problem = model.Problem;
        var state = new PlacementState(model);
        foreach (var assignment in plan.Assignments)
        {
            if (!model.WorkloadIndex.TryGetValue(assignment.Workload, out var w) || !model.NodeIndex.TryGetValue(assignment.Node, out var n)
                || assignment.Replica < 0 || assignment.Replica >= problem.Workloads[w].Replicas)
            {
                throw new ArgumentException($"the plan assigns unknown replica {assignment.Workload}/{assignment.Replica} or node {assignment.Node}", nameof(plan));
            }

            state.Place(model.ReplicaId(w, assignment.Replica), n);
        }

        var result = new List<ReplicaExplanation>(model.ReplicaCount);
        for (var r = 0; r < model.ReplicaCount; r++)
        {
            var w = model.ReplicaWorkload[r];
            var at = state.NodeOf[r];
            if (at >= 0)
            {
                state.Remove(r, default);
            }

            var verdicts = new List<NodeVerdict>(model.NodeCount);
            for (var n = 0; n < model.NodeCount; n++)
            {
                var failure = state.Failure(w, n);
                if (failure == FilterFailure.None)
                {
                    var score = Math.Round(model.Score(w, n, state.UsedGpu[n] + model.ReqGpu[w]), 3);
                    verdicts.Add(new NodeVerdict(problem.Nodes[n].Name, true, n == at, n == at ? "assigned" : "feasible", score));
                }
                else
                {
                    verdicts.Add(new NodeVerdict(problem.Nodes[n].Name, false, n == at, Describe(model, state, failure, w, n), null));
                }
            }

            if (at >= 0)
            {
                state.Place(r, at);
            }

            result.Add(new ReplicaExplanation(problem.Workloads[w].Name, model.ReplicaOrdinal(r), at >= 0 ? problem.Nodes[at].Name : null, verdicts));
        }

        return result;
    }

    private static string Describe(SolverModel model, PlacementState state, FilterFailure failure, int w, int n)
    {
        var workload = model.Problem.Workloads[w];
        var node = model.Problem.Nodes[n];
        switch (failure)
        {
            case FilterFailure.NodeSelector:
                foreach (var (key, value) in workload.NodeSelector)
                {
                    if (!node.Labels.TryGetValue(key, out var actual))
                    {
                        return $"node selector mismatch: {key}={value} wanted, label missing";
                    }

                    if (!string.Equals(actual, value, StringComparison.Ordinal))
                    {
                        return $"node selector mismatch: {key}={value} wanted, node has {key}={actual}";
                    }
                }

                break;
            case FilterFailure.Taint:
                foreach (var taint in node.Taints)
                {
                    if (taint.Effect != TaintEffect.PreferNoSchedule && !SolverModel.Tolerated(workload, taint))
                    {
                        return $"untolerated taint {taint}";
                    }
                }

                break;
            case FilterFailure.Temperature:
                return string.Create(CultureInfo.InvariantCulture, $"temperature {model.NodeTemperature[n]:0.#}C above maxTemperatureC {model.MaxTemperature[w]:0.#}");
            case FilterFailure.AntiAffinity:
                foreach (var other in state.OnNode[n])
                {
                    var wo = model.ReplicaWorkload[other];
                    if (model.ConflictsWith(w, wo))
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"anti-affinity with {model.Problem.Workloads[wo].Name} replica {model.ReplicaOrdinal(other)}");
                    }
                }

                break;
            case FilterFailure.GpuMemory:
                return Insufficient("gpuMemoryMiB", model.ReqGpu[w], model.AllocGpu[n] - state.UsedGpu[n], model.AllocGpu[n]);
            case FilterFailure.Cpu:
                return Insufficient("cpuMillicores", model.ReqCpu[w], model.AllocCpu[n] - state.UsedCpu[n], model.AllocCpu[n]);
            case FilterFailure.Memory:
                return Insufficient("memoryMiB", model.ReqMem[w], model.AllocMem[n] - state.UsedMem[n], model.AllocMem[n]);
            default:
                break;
        }

        return FilterFailures.Label(failure);
    }

    private static string Insufficient(string resource, long requested, long free, long allocatable) =>
        string.Create(CultureInfo.InvariantCulture, $"insufficient {resource}: requests {requested}, free {free} of {allocatable}");
}
