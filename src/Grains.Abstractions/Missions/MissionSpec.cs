namespace Coordination.Missions;

/// <summary>
/// A mission as an operator submits it. <see cref="Id"/> is the idempotency key: submitting the same spec twice is
/// one mission, submitting a different spec under the same id is an error. The tasks of a mission are independent
/// (they may run at the same time on different robots); use a <c>compose</c> task for a sequence.
/// </summary>
/// <param name="Id">Mission id (1-128 characters: letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>:</c>).</param>
/// <param name="WorldId">The world (map) whose robots run the mission.</param>
/// <param name="Priority">0 to 100, higher first: a task of priority p outranks any number of lower-priority tasks.</param>
/// <param name="Deadline">Optional: the mission fails when it is not completed by then.</param>
/// <param name="Tasks">1 to 256 tasks.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionSpec")]
public sealed record MissionSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string WorldId,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateTimeOffset? Deadline,
    [property: Id(4)] IReadOnlyList<MissionTaskSpec> Tasks);
