using Coordination.Common;

namespace Coordination.Fleet;

/// <summary>A task the dispatcher gives a robot: visit <see cref="Waypoints"/> in order, then report completion.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotAssignment")]
public sealed record RobotAssignment(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string MissionId,
    [property: Id(2)] string Kind,
    [property: Id(3)] IReadOnlyList<GridCell> Waypoints,
    [property: Id(4)] int Priority,
    [property: Id(5)] DateTimeOffset AssignedAt);
