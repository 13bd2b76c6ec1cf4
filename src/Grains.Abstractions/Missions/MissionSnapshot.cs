namespace Coordination.Missions;

/// <summary>A mission's status: lifecycle, reason when it failed or was cancelled, every task, and timings.</summary>
/// <param name="Version">Grows with every event of the mission's history (watchers wait for a higher one).</param>
/// <param name="EstimatedSeconds">Sum of the task estimates known so far.</param>
/// <param name="ActualSeconds">Submission to the end, once the mission is over.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionSnapshot")]
public sealed record MissionSnapshot(
    [property: Id(0)] string MissionId,
    [property: Id(1)] string WorldId,
    [property: Id(2)] int Priority,
    [property: Id(3)] MissionStatus Status,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset SubmittedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] DateTimeOffset? Deadline,
    [property: Id(9)] long Version,
    [property: Id(10)] IReadOnlyList<MissionTaskSnapshot> Tasks,
    [property: Id(11)] double? EstimatedSeconds,
    [property: Id(12)] double? ActualSeconds)
{
    public bool IsTerminal => Status is MissionStatus.Completed or MissionStatus.Failed or MissionStatus.Cancelled;
}
