using Coordination.Common;

namespace Coordination.Missions;

/// <summary>One robot sent to one ticket by an allocation round.</summary>
/// <param name="Waypoints">What the robot is told to visit (a charge without station gets its charger here).</param>
/// <param name="TravelCells">Shortest path from the robot to the first waypoint.</param>
/// <param name="EstimatedSeconds">Travel plus route at the nominal speed.</param>
public sealed record PlannedAssignment(
    DispatchTicket Ticket,
    string RobotId,
    IReadOnlyList<GridCell> Waypoints,
    int TravelCells,
    double EstimatedSeconds);
