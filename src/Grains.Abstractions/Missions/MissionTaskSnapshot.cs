using Coordination.Common;

namespace Coordination.Missions;

/// <summary>One task of a mission as its status shows it.</summary>
/// <param name="TaskId">Cluster-wide task id: <c>missionId/localId</c>.</param>
/// <param name="Path">Where the task is in the spec, e.g. <c>$.tasks[1].steps[0]</c>.</param>
/// <param name="Waypoints">Cells the robot visits in order (empty for a <c>charge</c> without station until assigned).</param>
/// <param name="Attempts">How many times the task was given to a robot.</param>
/// <param name="EstimatedSeconds">The dispatcher's estimate at assignment (travel plus route at the nominal speed).</param>
/// <param name="ActualSeconds">Assignment to completion, once completed.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionTaskSnapshot")]
public sealed record MissionTaskSnapshot(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string Path,
    [property: Id(2)] MissionTaskKind Kind,
    [property: Id(3)] MissionTaskStatus Status,
    [property: Id(4)] IReadOnlyList<string> Requires,
    [property: Id(5)] IReadOnlyList<GridCell> Waypoints,
    [property: Id(6)] string? RobotId,
    [property: Id(7)] int Attempts,
    [property: Id(8)] int WaypointsReached,
    [property: Id(9)] double? EstimatedSeconds,
    [property: Id(10)] double? ActualSeconds,
    [property: Id(11)] DateTimeOffset? QueuedAt,
    [property: Id(12)] DateTimeOffset? AssignedAt,
    [property: Id(13)] DateTimeOffset? StartedAt,
    [property: Id(14)] DateTimeOffset? FinishedAt,
    [property: Id(15)] string? Reason);
