using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>The dispatcher of one world (key: world id): allocates ready tasks to available robots.</summary>
[Alias("Coordination.IDispatcherGrain")]
public interface IDispatcherGrain : IGrainWithStringKey
{
    /// <summary>A robot twin tells its world's dispatcher when status, battery, cell or assignment changed.</summary>
    [OneWay]
    [Alias("RobotUpdated")]
    Task RobotUpdated(RobotSummary robot);

    /// <summary>Missions hand over their ready tasks (idempotent per task id); allocation runs in batched rounds.</summary>
    [OneWay]
    [Alias("Enqueue")]
    Task Enqueue(IReadOnlyList<DispatchTicket> tickets);

    /// <summary>
    /// A mission no longer wants a task (completed, failed or cancelled): it leaves the queue and its robot is
    /// released; with <paramref name="stopRobot"/> the robot is also told to drop it (cancellation, failure).
    /// </summary>
    [OneWay]
    [Alias("Withdraw")]
    Task Withdraw(string taskId, bool stopRobot, string reason);

    /// <summary>The queue, the tasks in flight and the robots as the dispatcher sees them.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetSnapshot")]
    Task<DispatcherSnapshot> GetSnapshot();
}
