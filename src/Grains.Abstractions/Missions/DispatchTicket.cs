using Coordination.Common;

namespace Coordination.Missions;

/// <summary>
/// A ready task as the mission hands it to its world's dispatcher. Enqueuing the same ticket again is harmless
/// (the dispatcher keys tickets by <see cref="TaskId"/>).
/// </summary>
/// <param name="Waypoints">Cells to visit in order; empty for a <c>charge</c> without station (nearest charger).</param>
/// <param name="Priority">The mission's priority.</param>
/// <param name="ReadyAt">When the task became ready (assignment latency is measured from here).</param>
/// <param name="RevokedRobot">
/// Set when the mission takes the task back from this robot (it no longer holds it): the dispatcher drops its
/// assignment to that robot and queues the task again.
/// </param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.DispatchTicket")]
public sealed record DispatchTicket(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string MissionId,
    [property: Id(2)] MissionTaskKind Kind,
    [property: Id(3)] IReadOnlyList<GridCell> Waypoints,
    [property: Id(4)] IReadOnlyList<string> Requires,
    [property: Id(5)] int Priority,
    [property: Id(6)] DateTimeOffset ReadyAt,
    [property: Id(7)] string? RevokedRobot = null);
