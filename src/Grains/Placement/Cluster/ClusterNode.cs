using Coordination.Placement.Engine;

namespace Coordination.Placement;

/// <summary>A node: labels (Jetson profile, tier, zone), taints, allocatable resources, readiness and cordon.</summary>
public sealed record ClusterNode(string Name)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>Allocatable resources; GPU memory from the Jetson profile when the node does not say.</summary>
    public Resources Allocatable { get; init; }

    /// <summary>The node's Ready condition.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>Cordoned (spec.unschedulable).</summary>
    public bool Unschedulable { get; init; }

    /// <summary>Cordoned by the placement grain (so it may uncordon it), not by an operator.</summary>
    public bool CordonedByPlacement { get; init; }
}
