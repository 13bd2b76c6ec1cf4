using Coordination.Placement.Engine;

namespace Coordination.Placement;

/// <summary>The engine problem of a round and which pod each replica stands for.</summary>
internal sealed record BuiltProblem(PlacementProblem Problem, IReadOnlyDictionary<(string Workload, int Replica), ReplicaSlot> Slots);
