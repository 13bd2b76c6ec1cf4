using Coordination.World;

namespace Coordination.Fleet;

/// <summary>
/// The digital twin of one robot (key: robot id). Robot software talks to it through <c>RobotSession</c>
/// (register, telemetry, task progress, commands); the dispatcher and the planner send it work.
/// </summary>
[Alias("Coordination.IRobotGrain")]
public interface IRobotGrain : IGrainWithStringKey
{
    /// <summary>Registers the robot or updates its registration; persisted before it returns.</summary>
    [Alias("Register")]
    Task<RobotSummary> Register(RobotRegistration registration);

    /// <summary>The twin's current summary; <c>null</c> when the robot never registered.</summary>
    [Alias("GetSummary")]
    Task<RobotSummary?> GetSummary();

    /// <summary>
    /// One telemetry sample from the robot. Bad samples (NaN/infinite numbers, battery outside 0–100, a timestamp
    /// older than the last accepted one, a pose outside the robot's map, an oversized payload, an unregistered
    /// robot) throw <see cref="Common.CoordinationValidationException"/> naming the field and change nothing.
    /// </summary>
    [Alias("ReportTelemetry")]
    Task<TelemetryAck> ReportTelemetry(RobotTelemetry telemetry);

    /// <summary>Everything the twin knows: registration, live telemetry, assignment, path, checkpoint, host silo.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<RobotTwinState> GetState();

    /// <summary>
    /// From the dispatcher: the robot's task. Persisted before it returns; the status becomes working; delivered to
    /// the robot's session as a command. Replaces a previous assignment. Rejected for an offline or shut-down robot.
    /// </summary>
    [Alias("Assign")]
    Task Assign(RobotAssignment assignment);

    /// <summary>Drops the assignment when <paramref name="taskId"/> is the current task (a command tells the robot); returns whether it did.</summary>
    [Alias("CancelAssignment")]
    Task<bool> CancelAssignment(string taskId, string reason);

    /// <summary>From the planner: the robot's collision-free path (kept in memory, not persisted), delivered as a command.</summary>
    [Alias("FollowPath")]
    Task FollowPath(RobotPath path);

    /// <summary>The current assignment, or <c>null</c>.</summary>
    [AlwaysInterleave]
    [Alias("GetCurrentAssignment")]
    Task<RobotAssignment?> GetCurrentAssignment();

    /// <summary>
    /// From the robot: progress of its current task (anything else is rejected). Forwarded to the mission; on
    /// <see cref="TaskProgressKind.Completed"/> or <see cref="TaskProgressKind.Failed"/> the assignment is cleared and the robot becomes idle.
    /// </summary>
    [Alias("ReportTaskProgress")]
    Task ReportTaskProgress(TaskProgress progress);

    /// <summary>
    /// Subscribes (or renews) a command observer. The registration expires after the returned lease unless renewed;
    /// the answer carries the current assignment and path so a session that resubscribes after a failure catches up.
    /// </summary>
    [Alias("Subscribe")]
    Task<RobotSubscription> Subscribe(IRobotCommandObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IRobotCommandObserver observer);
}
