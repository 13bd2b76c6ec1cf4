namespace Coordination.Missions;

/// <summary>Mission lifecycle: <c>queued → assigned → underway → completed | failed | cancelled</c>.</summary>
[GenerateSerializer]
[Alias("Coordination.MissionStatus")]
public enum MissionStatus
{
    /// <summary>Accepted; no task has a robot yet.</summary>
    Queued = 0,

    /// <summary>At least one task has a robot, none has started.</summary>
    Assigned = 1,

    /// <summary>At least one task has started (or finished) and the mission is not over.</summary>
    Underway = 2,

    Completed = 3,
    Failed = 4,
    Cancelled = 5,
}
