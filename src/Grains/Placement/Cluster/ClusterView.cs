namespace Coordination.Placement;

/// <summary>A snapshot of the cluster as the actuator sees it.</summary>
public sealed record ClusterView(
    IReadOnlyList<ClusterNode> Nodes,
    IReadOnlyList<ClusterPod> Pods,
    IReadOnlyList<ClusterDeployment> Deployments);
