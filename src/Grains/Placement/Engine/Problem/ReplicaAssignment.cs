namespace Coordination.Placement.Engine;

/// <summary>Replica <see cref="Replica"/> of <see cref="Workload"/> runs (or is to run) on <see cref="Node"/>.</summary>
public sealed record ReplicaAssignment(string Workload, int Replica, string Node);
