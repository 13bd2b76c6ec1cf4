namespace Coordination.Missions;

/// <summary>A task the dispatcher has given a robot and not yet seen finished.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.DispatcherAssignment")]
public sealed record DispatcherAssignment(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string MissionId,
    [property: Id(2)] string RobotId,
    [property: Id(3)] DateTimeOffset AssignedAt);
