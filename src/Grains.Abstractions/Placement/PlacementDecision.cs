namespace Coordination.Placement;

/// <summary>
/// One decision of the placement grain and its outcome. <see cref="Target"/> is a pod or Deployment
/// (<c>namespace/name</c>) or a node; <see cref="Node"/> the node it concerns (bind target, evicted from, cordoned).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlacementDecision")]
public sealed record PlacementDecision(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] PlacementDecisionKind Kind,
    [property: Id(2)] string Target,
    [property: Id(3)] string? Node,
    [property: Id(4)] string Reason,
    [property: Id(5)] ActuationOutcome Outcome,
    [property: Id(6)] string? Detail);
