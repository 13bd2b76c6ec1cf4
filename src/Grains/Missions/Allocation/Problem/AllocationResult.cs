namespace Coordination.Missions.Allocation;

/// <summary>An allocation: assignments in task input order, unassigned task ids in input order.</summary>
public sealed record AllocationResult(
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<string> Unassigned,
    long TotalCost,
    TimeSpan Runtime,
    AllocationStats Stats);
