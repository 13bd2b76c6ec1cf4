namespace Coordination.Missions;

/// <summary>One line of <c>coord mission ls</c>, kept by the mission index so listing activates no mission.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionSummary")]
public sealed record MissionSummary(
    [property: Id(0)] string MissionId,
    [property: Id(1)] string WorldId,
    [property: Id(2)] int Priority,
    [property: Id(3)] MissionStatus Status,
    [property: Id(4)] int TaskCount,
    [property: Id(5)] int TasksCompleted,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] string? Reason)
{
    public bool IsTerminal => Status is MissionStatus.Completed or MissionStatus.Failed or MissionStatus.Cancelled;
}
