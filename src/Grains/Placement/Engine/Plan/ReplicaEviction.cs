namespace Coordination.Placement.Engine;

/// <summary>A <c>current</c> replica the plan removes from its node (moved elsewhere or left unscheduled), and why.</summary>
public sealed record ReplicaEviction(string Workload, int Replica, string Node, string Reason);
