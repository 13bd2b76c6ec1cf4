using Coordination.Common;

namespace Coordination.Missions;

/// <summary>One dispatchable task of a mission, as the mission persists it.</summary>
[GenerateSerializer]
[Alias("Coordination.MissionTaskState")]
public sealed class MissionTaskState
{
    [Id(0)]
    public string TaskId { get; set; } = string.Empty;

    [Id(1)]
    public string Path { get; set; } = string.Empty;

    [Id(2)]
    public MissionTaskKind Kind { get; set; }

    [Id(3)]
    public List<string> Requires { get; set; } = [];

    [Id(4)]
    public List<GridCell> Waypoints { get; set; } = [];

    /// <summary>The task that must complete first (the previous step of a compose), if any.</summary>
    [Id(5)]
    public string? After { get; set; }

    [Id(6)]
    public MissionTaskStatus Status { get; set; }

    [Id(7)]
    public string? RobotId { get; set; }

    [Id(8)]
    public int Attempts { get; set; }

    [Id(9)]
    public int WaypointsReached { get; set; }

    [Id(10)]
    public double? EstimatedSeconds { get; set; }

    [Id(11)]
    public DateTimeOffset? QueuedAt { get; set; }

    [Id(12)]
    public DateTimeOffset? AssignedAt { get; set; }

    [Id(13)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(14)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(15)]
    public string? Reason { get; set; }

    /// <summary>Reconcile ticks in a row on which the task's robot did not hold it.</summary>
    [Id(16)]
    public int MissedChecks { get; set; }

    public bool IsTerminal => Status is MissionTaskStatus.Completed or MissionTaskStatus.Failed or MissionTaskStatus.Cancelled;

    public bool IsInFlight => Status is MissionTaskStatus.Assigned or MissionTaskStatus.Underway;
}
