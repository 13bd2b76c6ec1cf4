namespace Coordination.Fleet;

/// <summary>What a robot reports about its assigned task (through its twin, which forwards it to the mission).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.TaskProgress")]
public sealed record TaskProgress(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string MissionId,
    [property: Id(2)] TaskProgressKind Kind,
    [property: Id(3)] int WaypointIndex,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset At);
