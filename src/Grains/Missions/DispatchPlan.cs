namespace Coordination.Missions;

/// <summary>The outcome of one allocation round.</summary>
/// <param name="Assignments">Robots sent to tickets (pinned charges first, then the optimal allocation).</param>
/// <param name="NeedCharge">Idle robots below the charge threshold that have no charge task yet.</param>
/// <param name="TotalCost">Total travel of the optimal allocation (pinned charges not included).</param>
public sealed record DispatchPlan(
    IReadOnlyList<PlannedAssignment> Assignments,
    IReadOnlyList<string> NeedCharge,
    long TotalCost);
