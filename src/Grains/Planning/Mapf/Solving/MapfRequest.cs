using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// One multi-agent path finding problem. Agent <c>i</c> starts at <c>Starts[i]</c> and must end on <c>Goals[i]</c>
/// (cell indices of <see cref="Map"/>); <see cref="MapfPlanner.NoGoal"/> marks an agent without a goal, which may stay
/// where it is or make way for the others.
/// </summary>
public sealed record MapfRequest(GridMap Map, IReadOnlyList<int> Starts, IReadOnlyList<int> Goals)
{
    /// <summary>Seed of the tie-breaking; the same seed gives the same first solution.</summary>
    public ulong Seed { get; init; }

    /// <summary>Hard wall-clock limit for the call, including distance-field computation.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Keep improving the first solution until the deadline: briefly with LaCAM* (which can prove optimality on small
    /// instances), then with large neighbourhood search; it stops earlier when the plan is proved optimal, reaches the
    /// lower bound or stops improving. When false the first solution is returned as soon as it is found.
    /// </summary>
    public bool Refine { get; init; } = true;

    /// <summary>
    /// Steer PIBT along guide paths: Scatter's paths that avoid each other in space and time or, where Scatter cannot
    /// spread the agents out, congestion-aware paths that avoid other agents' goals where a short detour exists (better
    /// first solutions; costs some A* per agent up front, bounded by a share of the time limit).
    /// </summary>
    public bool GuidePaths { get; init; } = true;

    /// <summary>
    /// Optional cap on high-level search nodes for the refinement phase: with it, a refined result that finishes before
    /// the deadline is deterministic for the seed.
    /// </summary>
    public long? MaxRefinementNodes { get; init; }

    /// <summary>
    /// Optional cap on the iterations of the large-neighbourhood-search refinement: with it (and
    /// <see cref="MaxRefinementNodes"/>), a refined result that finishes before the deadline is deterministic for the seed.
    /// </summary>
    public long? MaxRefinementIterations { get; init; }

    /// <summary>The search to run; the default is the engine, the others are baselines for benchmarks.</summary>
    public MapfAlgorithm Algorithm { get; init; } = MapfAlgorithm.LaCamStar;
}
