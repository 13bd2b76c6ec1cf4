namespace Coordination.World;

/// <summary>
/// The planner's current plan: <see cref="PlanId"/> increases with every plan handed out (0 before the first);
/// every path of the plan starts at <see cref="StartStep"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlanSnapshot")]
public sealed record PlanSnapshot(
    [property: Id(0)] string WorldId,
    [property: Id(1)] long PlanId,
    [property: Id(2)] long StartStep,
    [property: Id(3)] TimeSpan StepDuration,
    [property: Id(4)] IReadOnlyList<PlannedRobot> Robots,
    [property: Id(5)] long Replans,
    [property: Id(6)] string? LastProblem,
    [property: Id(7)] DateTimeOffset? PlannedAt);
