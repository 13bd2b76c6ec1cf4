using Coordination.Common;

namespace Coordination.Missions;

/// <summary>The dispatcher tells a mission which robot got one of its tasks.</summary>
/// <param name="Waypoints">The waypoints the robot was given (a <c>charge</c> without station gets its charger here).</param>
/// <param name="TravelCells">Shortest-path length from the robot's cell to the first waypoint.</param>
/// <param name="EstimatedSeconds">Travel plus route at the nominal speed.</param>
/// <param name="WorldId">The dispatcher's world.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.TaskAssignmentNotice")]
public sealed record TaskAssignmentNotice(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string RobotId,
    [property: Id(2)] DateTimeOffset AssignedAt,
    [property: Id(3)] IReadOnlyList<GridCell> Waypoints,
    [property: Id(4)] int TravelCells,
    [property: Id(5)] double EstimatedSeconds,
    [property: Id(6)] string WorldId = "");
