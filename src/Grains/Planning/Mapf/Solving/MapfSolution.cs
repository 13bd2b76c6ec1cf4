namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// The result of <see cref="MapfPlanner.Solve"/>. When <see cref="Solved"/>, <see cref="Paths"/> holds one cell-index
/// path per agent: <c>Paths[i][0]</c> is the start, the last entry the goal, and the agent stays there afterwards.
/// Every returned plan has been checked by <see cref="Validation.PlanValidator"/>.
/// </summary>
public sealed record MapfSolution
{
    public required MapfStatus Status { get; init; }

    public bool Solved => Status == MapfStatus.Solved;

    public IReadOnlyList<int[]> Paths { get; init; } = [];

    /// <summary>Sum over agents of the first timestep from which the agent stays on its goal for good.</summary>
    public int SumOfCosts { get; init; }

    /// <summary>The last timestep at which any agent moves (the longest path length minus one).</summary>
    public int Makespan { get; init; }

    /// <summary>Sum of the single-agent shortest path lengths (ignoring other agents).</summary>
    public int LowerBound { get; init; }

    /// <summary>Wall-clock time of the whole call.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>When the first solution was found (from the start of the call); null when none was.</summary>
    public TimeSpan? FirstSolutionTime { get; init; }

    /// <summary>Sum of costs of the first solution found, before refinement.</summary>
    public int? FirstSumOfCosts { get; init; }

    /// <summary>
    /// Sum of loss of the first solution: per agent, the timesteps that are not spent staying on its goal (an agent on
    /// its goal that leaves it again pays for that step). This is the edge cost LaCAM's search minimises, and the
    /// first-solution cost LaCAM3 reports; it never exceeds <see cref="FirstSumOfCosts"/>.
    /// </summary>
    public int? FirstSumOfLoss { get; init; }

    /// <summary>High-level (configuration) nodes generated.</summary>
    public long Nodes { get; init; }

    /// <summary>Iterations of the large-neighbourhood-search refinement after the first solution.</summary>
    public long RefinementIterations { get; init; }

    /// <summary>True when the search space was exhausted (no better solution under the search's cost model).</summary>
    public bool SearchExhausted { get; init; }

    /// <summary>Human-readable detail, e.g. which agent cannot reach its goal or what validation found.</summary>
    public string? Detail { get; init; }
}
