namespace Coordination.Missions;

/// <summary>One entry of a mission's history.</summary>
/// <param name="Sequence">1, 2, 3, ... in the order the mission recorded them.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionEvent")]
public sealed record MissionEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] MissionEventKind Kind,
    [property: Id(3)] string? TaskId,
    [property: Id(4)] string? RobotId,
    [property: Id(5)] string? Detail);
