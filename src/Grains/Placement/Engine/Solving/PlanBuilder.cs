using System.Globalization;
using System.Text;

namespace Coordination.Placement.Engine;

/// <summary>Turns a final <see cref="PlacementState"/> into a <see cref="PlacementPlan"/> with reasons.</summary>
internal static class PlanBuilder
{
    public static PlacementPlan Build(SolverModel model, PlacementState state, TimeSpan runtime)
    {
        var problem = model.Problem;
        var assignments = new List<ReplicaAssignment>(state.PlacedCount);
        var unscheduled = new List<UnscheduledReplica>();
        var evictions = new List<ReplicaEviction>();
        var moves = 0;
        for (var w = 0; w < model.WorkloadCount; w++)
        {
            var workload = problem.Workloads[w];
            string? reason = null;
            for (var r = model.FirstReplica[w]; r < model.FirstReplica[w + 1]; r++)
            {
                var ordinal = r - model.FirstReplica[w];
                var node = state.NodeOf[r];
                if (node >= 0)
                {
                    assignments.Add(new ReplicaAssignment(workload.Name, ordinal, problem.Nodes[node].Name));
                }
                else
                {
                    reason ??= UnscheduledReason(model, state, w);
                    unscheduled.Add(new UnscheduledReplica(workload.Name, ordinal, reason));
                }

                var home = model.CurrentNode[r];
                if (home >= 0 && node != home)
                {
                    if (node >= 0)
                    {
                        moves++;
                    }

                    evictions.Add(new ReplicaEviction(workload.Name, ordinal, problem.Nodes[home].Name, EvictionReason(model, state.Displaced[r], w, home)));
                }
            }
        }

        return new PlacementPlan(assignments, unscheduled, evictions, moves, runtime);
    }

    /// <summary><c>0/6 nodes: 4 insufficient gpuMemoryMiB, 2 anti-affinity</c>: the first failing filter of every node, most frequent first.</summary>
    public static string UnscheduledReason(SolverModel model, PlacementState state, int workload)
    {
        Span<int> counts = stackalloc int[FilterFailures.Count];
        for (var n = 0; n < model.NodeCount; n++)
        {
            counts[(int)state.Failure(workload, n)]++;
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{counts[0]}/{model.NodeCount} nodes");
        Span<int> order = stackalloc int[FilterFailures.Count - 1];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i + 1;
        }

        // Insertion sort by count descending, filter order ascending: stable and tiny.
        for (var i = 1; i < order.Length; i++)
        {
            var f = order[i];
            var j = i - 1;
            while (j >= 0 && counts[order[j]] < counts[f])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = f;
        }

        var first = true;
        foreach (var f in order)
        {
            if (counts[f] == 0)
            {
                continue;
            }

            builder.Append(first ? ": " : ", ");
            builder.Append(CultureInfo.InvariantCulture, $"{counts[f]} {FilterFailures.Label((FilterFailure)f)}");
            first = false;
        }

        if (model.NodeCount == 0)
        {
            builder.Append(": no nodes");
        }

        return builder.ToString();
    }

    private static string EvictionReason(SolverModel model, Displacement displacement, int workload, int home)
    {
        var problem = model.Problem;
        var nodeName = problem.Nodes[home].Name;
        switch (displacement.Kind)
        {
            case DisplacementKind.Preempted:
            {
                var by = model.ReplicaWorkload[displacement.ByReplica];
                return PreemptionReason.Format(problem.Workloads[by].Name, model.Priority[by], model.Priority[workload]);
            }

            case DisplacementKind.MadeRoom:
            {
                var by = model.ReplicaWorkload[displacement.ByReplica];
                return string.Create(CultureInfo.InvariantCulture, $"moved to make room for {problem.Workloads[by].Name} replica {model.ReplicaOrdinal(displacement.ByReplica)}");
            }

            case DisplacementKind.KeepFailed:
                return KeepFailedReason(model, displacement.Failure, workload, home, nodeName);
            default:
                return "rescheduled";
        }
    }

    private static string KeepFailedReason(SolverModel model, FilterFailure failure, int workload, int node, string nodeName) => failure switch
    {
        FilterFailure.NotReady => $"node {nodeName} is not ready",
        FilterFailure.Unschedulable => $"node {nodeName} is unschedulable",
        FilterFailure.NodeSelector => $"node {nodeName} no longer matches the node selector",
        FilterFailure.Taint => $"node {nodeName} has an untolerated taint",
        FilterFailure.Temperature => string.Create(CultureInfo.InvariantCulture, $"node {nodeName} at {model.NodeTemperature[node]:0.#}C is above maxTemperatureC {model.MaxTemperature[workload]:0.#}"),
        FilterFailure.AntiAffinity => $"anti-affinity with another current replica on node {nodeName}",
        _ => $"{FilterFailures.Label(failure)} on node {nodeName} (overcommitted)",
    };
}
