namespace Coordination.Placement.Engine;

/// <summary>A replica the plan could not place, with the per-node failures aggregated (<c>0/6 nodes: 4 insufficient gpuMemoryMiB, 2 anti-affinity</c>).</summary>
public sealed record UnscheduledReplica(string Workload, int Replica, string Reason);
