namespace Coordination.Missions;

/// <summary>The state of one task (one dispatchable unit: a plain task, or one step of a <c>compose</c>).</summary>
[GenerateSerializer]
[Alias("Coordination.MissionTaskStatus")]
public enum MissionTaskStatus
{
    /// <summary>A step of a <c>compose</c> waiting for the step before it.</summary>
    Waiting = 0,

    /// <summary>Ready, in the dispatcher's queue.</summary>
    Queued = 1,

    /// <summary>Given to a robot, not started yet.</summary>
    Assigned = 2,

    /// <summary>The robot reported it started.</summary>
    Underway = 3,

    Completed = 4,
    Failed = 5,
    Cancelled = 6,
}
