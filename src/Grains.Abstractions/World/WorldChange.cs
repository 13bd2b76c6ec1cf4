using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// One change of a world. <see cref="Version"/> is the version of the region it happened in (or the map version for
/// <see cref="WorldChangeKind.MapUploaded"/>); <see cref="RobotId"/> is set for robot changes.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldChange")]
public sealed record WorldChange(
    [property: Id(0)] long Version,
    [property: Id(1)] WorldChangeKind Kind,
    [property: Id(2)] GridCell Cell,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? RobotId = null,
    [property: Id(5)] WorldObstacle? Obstacle = null);
