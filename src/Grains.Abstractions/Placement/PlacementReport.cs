namespace Coordination.Placement;

/// <summary>The decisions of one reconciliation round.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlacementReport")]
public sealed record PlacementReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] IReadOnlyList<PlacementDecision> Decisions,
    [property: Id(2)] int Unscheduled,
    [property: Id(3)] string? Error);
