namespace Coordination.Placement;

/// <summary>Replica <see cref="Index"/> of engine workload <see cref="Workload"/> is pod <see cref="Pod"/>.</summary>
internal sealed record ReplicaSlot(ClusterPod Pod, ReplicaRole Role, string Workload, int Index);
