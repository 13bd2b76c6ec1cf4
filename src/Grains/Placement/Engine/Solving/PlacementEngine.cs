using System.Diagnostics;

namespace Coordination.Placement.Engine;

/// <summary>
/// GPU-aware placement of workload replicas on Jetson nodes: filter then score, like kube-scheduler, with
/// priority preemption and a repair search. Pure and thread-safe (no shared state): a placement grain calls
/// <see cref="Solve"/> with the live nodes and <see cref="PlacementProblem.Current"/> set to where replicas run,
/// and applies <see cref="PlacementPlan.Evictions"/> then <see cref="PlacementPlan.Assignments"/>.
/// </summary>
/// <remarks>
/// Hard rules (never broken): capacity per resource, ready and not cordoned, node selector, NoSchedule/NoExecute
/// taints tolerated, symmetric anti-affinity (including a workload with itself), node temperature not above
/// <see cref="PlacementWorkload.MaxTemperatureC"/>. Objective, lexicographic: place as many replicas as possible
/// of each priority from the highest down (a replica only ever preempts strictly lower priorities), then move as
/// few current replicas as possible (valid ones stay), then prefer cool, idle nodes with power headroom and a
/// matching tier, and spread load.
/// </remarks>
public static class PlacementEngine
{
    /// <summary>Plans the problem. Throws <see cref="PlacementValidationException"/> when it is invalid.</summary>
    /// <param name="problem">Nodes, workloads and current placement.</param>
    /// <param name="options">Budget and seed; <see cref="PlacementOptions.Default"/> when <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the search (throws <see cref="OperationCanceledException"/>).</param>
    public static PlacementPlan Solve(PlacementProblem problem, PlacementOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlacementProblemValidator.ThrowIfInvalid(problem);
        var clock = Stopwatch.StartNew();
        var model = new SolverModel(problem);
        var state = new PlacementState(model);
        new PlacementSearch(model, state, options ?? PlacementOptions.Default, clock, cancellationToken).Run();
        return PlanBuilder.Build(model, state, clock.Elapsed);
    }

    /// <summary>
    /// The verdict of every node for every replica under <paramref name="plan"/> (each replica judged with the
    /// others where the plan puts them): the first failing filter with details, or feasible with its soft score.
    /// Costs nodes x replicas; meant for what-if runs, not for the live loop.
    /// </summary>
    public static IReadOnlyList<ReplicaExplanation> Explain(PlacementProblem problem, PlacementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        PlacementProblemValidator.ThrowIfInvalid(problem);
        return PlacementExplainer.Explain(new SolverModel(problem), plan);
    }
}
