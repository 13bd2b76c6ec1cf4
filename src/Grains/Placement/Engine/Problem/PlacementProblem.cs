namespace Coordination.Placement.Engine;

/// <summary>
/// Input of <see cref="PlacementEngine.Solve"/>: the nodes, the workloads, and where replicas run now
/// (<see cref="Current"/>, kept in place whenever they are still valid).
/// </summary>
public sealed record PlacementProblem(IReadOnlyList<PlacementNode> Nodes, IReadOnlyList<PlacementWorkload> Workloads)
{
    /// <summary>The current placement (may be empty, partial, or no longer valid).</summary>
    public IReadOnlyList<ReplicaAssignment> Current { get; init; } = [];
}
