namespace Coordination.World;

/// <summary>The obstacles and robot positions of one region at its <see cref="Version"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RegionSnapshot")]
public sealed record RegionSnapshot(
    [property: Id(0)] string RegionKey,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<WorldObstacle> Obstacles,
    [property: Id(3)] IReadOnlyList<RobotPosition> Robots);
