namespace Coordination.World;

/// <summary>
/// Map, obstacles and robot positions of every region. <see cref="Version"/> increases with every change of the
/// world (map upload, obstacle added, removed or expired, robot moved, arrived or left); it is
/// <c>MapVersion * 2^40 + sum of the region versions</c>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldSnapshot")]
public sealed record WorldSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] WorldMapSnapshot Map,
    [property: Id(2)] IReadOnlyList<RobotPosition> Robots,
    [property: Id(3)] IReadOnlyList<RegionSnapshot> Regions)
{
    /// <summary>The map version's weight in <see cref="Version"/>.</summary>
    public const long MapVersionWeight = 1L << 40;
}
