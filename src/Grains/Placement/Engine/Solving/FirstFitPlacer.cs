using System.Diagnostics;

namespace Coordination.Placement.Engine;

/// <summary>
/// Baseline for benchmarks: keeps valid current replicas, then takes the others in input order (workload order,
/// then replica order) and puts each on the first node, in node order, that passes every filter. No preemption,
/// no repair. Reasons and evictions are reported like <see cref="PlacementEngine"/>'s.
/// </summary>
public static class FirstFitPlacer
{
    /// <summary>Plans the problem first-fit. Throws <see cref="PlacementValidationException"/> when it is invalid.</summary>
    public static PlacementPlan Solve(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlacementProblemValidator.ThrowIfInvalid(problem);
        var clock = Stopwatch.StartNew();
        var model = new SolverModel(problem);
        var state = new PlacementState(model);
        PlacementSearch.KeepCurrent(model, state);
        for (var r = 0; r < model.ReplicaCount; r++)
        {
            if (state.NodeOf[r] >= 0)
            {
                continue;
            }

            var w = model.ReplicaWorkload[r];
            var checkAnti = model.Conflicts[w].Length > 0;
            foreach (var n in model.Feasible[w])
            {
                if (state.Fits(w, n) && (!checkAnti || state.AntiAffinityAllows(w, n)))
                {
                    state.Place(r, n);
                    break;
                }
            }
        }

        return PlanBuilder.Build(model, state, clock.Elapsed);
    }
}
