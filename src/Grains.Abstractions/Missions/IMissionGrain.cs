using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>One mission (key: mission id, the idempotency key of its spec).</summary>
[Alias("Coordination.IMissionGrain")]
public interface IMissionGrain : IGrainWithStringKey
{
    /// <summary>A robot twin forwards what its robot reports about a task of this mission.</summary>
    [Alias("TaskProgressed")]
    Task TaskProgressed(string robotId, TaskProgress progress);

    /// <summary>
    /// Validates and accepts the mission; persisted before it returns. Idempotent: the same spec again returns the
    /// mission as it is; a different spec under the same id throws <see cref="Common.CoordinationValidationException"/>
    /// (as does any invalid field, named by its JSON path; nothing is stored then).
    /// </summary>
    [Alias("Submit")]
    Task<MissionSnapshot> Submit(MissionSpec spec);

    /// <summary>The mission's status; <c>null</c> when no mission was submitted under this id.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<MissionSnapshot?> GetStatus();

    /// <summary>The mission's history, oldest first, from the event after <paramref name="afterSequence"/>.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetHistory")]
    Task<IReadOnlyList<MissionEvent>> GetHistory(long afterSequence = 0);

    /// <summary>
    /// Waits until the mission's version exceeds <paramref name="knownVersion"/> (or <paramref name="maxWait"/>, at
    /// most 20 s, passes) and returns its status then; <c>null</c> when there is no such mission.
    /// </summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("WaitForChange")]
    Task<MissionSnapshot?> WaitForChange(long knownVersion, TimeSpan maxWait);

    /// <summary>Cancels the mission (no-op when it is over); robots holding its tasks are told to drop them.</summary>
    [Alias("Cancel")]
    Task<MissionSnapshot> Cancel(string? reason = null);

    /// <summary>The dispatcher gave one of this mission's tasks to a robot.</summary>
    [OneWay]
    [Alias("TaskAssigned")]
    Task TaskAssigned(TaskAssignmentNotice notice);

    /// <summary>The dispatcher took a task back from a robot (offline, failed, or it refused) and queued it again.</summary>
    [OneWay]
    [Alias("TaskRequeued")]
    Task TaskRequeued(string taskId, string robotId, string reason);

    /// <summary>The dispatcher cannot ever run this task (e.g. no robot with its capabilities is registered).</summary>
    [OneWay]
    [Alias("TaskUnassignable")]
    Task TaskUnassignable(string taskId, string reason);

    /// <summary>Re-sends ready tasks the dispatcher may have lost and checks the robots of tasks in flight.</summary>
    [OneWay]
    [Alias("Reconcile")]
    Task Reconcile();
}
