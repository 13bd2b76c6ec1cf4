using Coordination.Common;

namespace Coordination.Missions;

/// <summary>A ticket the dispatcher gave a robot, until its mission withdraws it or the robot drops out.</summary>
[GenerateSerializer]
[Alias("Coordination.InFlightTask")]
public sealed class InFlightTask
{
    [Id(0)]
    public DispatchTicket Ticket { get; set; } = null!;

    [Id(1)]
    public string RobotId { get; set; } = string.Empty;

    [Id(2)]
    public DateTimeOffset AssignedAt { get; set; }

    [Id(3)]
    public List<GridCell> Waypoints { get; set; } = [];

    [Id(4)]
    public int TravelCells { get; set; }

    [Id(5)]
    public double EstimatedSeconds { get; set; }

    public TaskAssignmentNotice Notice(string worldId) => new(Ticket.TaskId, RobotId, AssignedAt, Waypoints, TravelCells, EstimatedSeconds, worldId);
}
