namespace Coordination.Placement.Engine;

/// <summary>Effect of a node taint, as in Kubernetes.</summary>
public enum TaintEffect
{
    /// <summary>Hard: replicas that do not tolerate the taint are not placed on the node.</summary>
    NoSchedule,

    /// <summary>Soft: the node is avoided (lower score) by replicas that do not tolerate the taint.</summary>
    PreferNoSchedule,

    /// <summary>Hard, like <see cref="NoSchedule"/> (in Kubernetes it also evicts running pods, so it never admits new ones).</summary>
    NoExecute,
}
