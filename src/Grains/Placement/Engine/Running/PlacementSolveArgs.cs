namespace Coordination.Placement.Engine;

/// <summary>Arguments of <c>coord placement solve</c>.</summary>
/// <param name="ClusterPath">The cluster JSON file (<c>--cluster</c>).</param>
/// <param name="OutPath">Where to write the plan (<c>--out</c>); stdout when <c>null</c>.</param>
/// <param name="Explain">Print per-replica, per-node verdicts (<c>--explain</c>).</param>
public sealed record PlacementSolveArgs(string ClusterPath, string? OutPath = null, bool Explain = false)
{
    /// <summary>Search budget; <see cref="PlacementOptions.DefaultBudget"/> when <c>null</c>.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>Search seed.</summary>
    public int Seed { get; init; }
}
