using Coordination.World;

namespace Coordination.Fleet;

/// <summary>
/// A command from the twin to the robot's session. <see cref="Sequence"/> grows within one twin activation;
/// <see cref="Replayed"/> marks commands a session re-creates after resubscribing (the twin's current assignment or
/// path it had not delivered), so robot software should treat Assign/FollowPath as idempotent by task id / plan id.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotCommand")]
public sealed record RobotCommand(
    [property: Id(0)] long Sequence,
    [property: Id(1)] RobotCommandKind Kind,
    [property: Id(2)] string RobotId,
    [property: Id(3)] RobotAssignment? Assignment,
    [property: Id(4)] RobotPath? Path,
    [property: Id(5)] string? TaskId,
    [property: Id(6)] string? Reason,
    [property: Id(7)] DateTimeOffset IssuedAt,
    [property: Id(8)] bool Replayed = false);
