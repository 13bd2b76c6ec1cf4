namespace Coordination.World;

/// <summary>The durable facts of a region: its obstacles and the version block it may use.</summary>
[GenerateSerializer]
[Alias("Coordination.WorldRegionState")]
public sealed class WorldRegionState
{
    [Id(0)]
    public List<WorldObstacle> Obstacles { get; set; } = [];

    /// <summary>Versions up to this one may have been handed out; a new activation continues above it.</summary>
    [Id(1)]
    public long ReservedVersion { get; set; }

    [Id(2)]
    public bool Retired { get; set; }
}
