namespace Coordination.Placement;

/// <summary>
/// A node as the controller judges it this round: the cluster's view merged with the compute-node twin's.
/// <see cref="Closed"/> nodes keep their replicas but take no new ones (cordoned, throttled, power-capped).
/// </summary>
internal sealed record NodeCondition(ClusterNode Node, NodeSnapshot? Snapshot, bool Ready, string? Problem, bool Throttled)
{
    public bool Closed => Node.Unschedulable || Throttled || !Ready;

    public NodeHealth Health => Snapshot?.Health is { } h and not NodeHealth.Unknown ? h : (Node.Ready ? NodeHealth.Ready : NodeHealth.NotReady);
}
