namespace Coordination.Placement.Engine;

/// <summary>A generated problem together with a feasible placement of every replica that was planted in it.</summary>
/// <param name="Problem">The problem (no <c>current</c> placement; workloads in shuffled order).</param>
/// <param name="Planted">A placement of every replica that keeps every hard rule.</param>
/// <param name="GpuLoad">Planted GPU memory over the allocatable GPU memory of the schedulable nodes.</param>
public sealed record PlantedInstance(PlacementProblem Problem, IReadOnlyList<ReplicaAssignment> Planted, double GpuLoad);
