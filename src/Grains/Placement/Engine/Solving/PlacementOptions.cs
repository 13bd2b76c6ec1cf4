namespace Coordination.Placement.Engine;

/// <summary>Search settings of <see cref="PlacementEngine.Solve"/>.</summary>
public sealed record PlacementOptions
{
    /// <summary>The default time budget of the improvement search.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMilliseconds(200);

    /// <summary>Default options (200 ms budget, seed 0).</summary>
    public static PlacementOptions Default { get; } = new();

    /// <summary>
    /// Deadline of the repair and improvement phases (the constructive phase always completes).
    /// The search also stops on its own when nothing is left to improve, which is the usual case.
    /// </summary>
    public TimeSpan Budget { get; init; } = DefaultBudget;

    /// <summary>Seed of the randomised repair passes; the same seed gives the same plan unless the deadline cuts the search.</summary>
    public int Seed { get; init; }
}
