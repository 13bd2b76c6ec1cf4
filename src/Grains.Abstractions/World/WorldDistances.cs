namespace Coordination.World;

/// <summary>Constants of <see cref="IWorldModelGrain.GetDistances"/>.</summary>
public static class WorldDistances
{
    /// <summary>The distance reported when no 4-connected path exists (or the cell is blocked).</summary>
    public const int Unreachable = -1;

    /// <summary>The most source cells one call may ask for.</summary>
    public const int MaxSources = 100_000;
}
