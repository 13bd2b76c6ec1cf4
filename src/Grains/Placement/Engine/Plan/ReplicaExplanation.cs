namespace Coordination.Placement.Engine;

/// <summary>The verdict of every node for one replica; <see cref="Node"/> is where the plan put it (<c>null</c> if unscheduled).</summary>
public sealed record ReplicaExplanation(string Workload, int Replica, string? Node, IReadOnlyList<NodeVerdict> Nodes);
