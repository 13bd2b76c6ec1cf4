namespace Coordination.World;

/// <summary>Settings of the world model grains (configuration section <see cref="Section"/>).</summary>
public sealed class WorldOptions
{
    public const string Section = "Coordination:World";

    /// <summary>Worlds are split into square regions of this many cells a side (a map no larger is one region).</summary>
    public int RegionSize { get; set; } = 64;

    /// <summary>The largest map accepted, in cells.</summary>
    public int MaxMapCells { get; set; } = 4_000_000;

    /// <summary>How often regions look for expired obstacles and stale positions.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A robot position not refreshed for this long is dropped (the robot left).</summary>
    public TimeSpan PositionTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest lifetime an obstacle may be given.</summary>
    public TimeSpan MaxObstacleTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Changes each region keeps for <c>GetChanges</c>.</summary>
    public int ChangeLogCapacity { get; set; } = 1024;

    /// <summary>Memory budget of the distance-field cache of one world.</summary>
    public long DistanceCacheBytes { get; set; } = 64L * 1024 * 1024;
}
