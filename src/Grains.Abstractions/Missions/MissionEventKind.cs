namespace Coordination.Missions;

[GenerateSerializer]
[Alias("Coordination.MissionEventKind")]
public enum MissionEventKind
{
    Submitted = 0,
    TaskQueued = 1,
    TaskAssigned = 2,
    TaskStarted = 3,
    WaypointReached = 4,
    TaskCompleted = 5,
    TaskFailed = 6,
    TaskRequeued = 7,
    TaskCancelled = 8,
    Completed = 9,
    Failed = 10,
    Cancelled = 11,
}
