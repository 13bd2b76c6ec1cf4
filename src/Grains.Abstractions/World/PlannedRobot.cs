using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// One robot as the planner sees it: its last known cell, its goal (if any), its current path (if it got one), and
/// why its goal is not planned for (<see cref="GoalProblem"/>: blocked, unreachable, taken by another robot).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlannedRobot")]
public sealed record PlannedRobot(
    [property: Id(0)] string RobotId,
    [property: Id(1)] GridCell Cell,
    [property: Id(2)] GridCell? Goal,
    [property: Id(3)] RobotPath? Path,
    [property: Id(4)] string? GoalProblem);
