namespace Coordination.Placement.Engine;

/// <summary>
/// Result of <see cref="PlacementEngine.Solve"/>. Every replica of every workload appears exactly once, in
/// <see cref="Assignments"/> or in <see cref="Unscheduled"/>; both are in workload input order, then replica order.
/// </summary>
/// <param name="Assignments">Where each placed replica runs.</param>
/// <param name="Unscheduled">Replicas left unplaced, each with the aggregated reason.</param>
/// <param name="Evictions">The <c>current</c> replicas removed from their node (moved or unscheduled).</param>
/// <param name="Moves">How many <c>current</c> replicas are assigned to a different node than their current one.</param>
/// <param name="Runtime">Time spent in the engine.</param>
public sealed record PlacementPlan(
    IReadOnlyList<ReplicaAssignment> Assignments,
    IReadOnlyList<UnscheduledReplica> Unscheduled,
    IReadOnlyList<ReplicaEviction> Evictions,
    int Moves,
    TimeSpan Runtime);
