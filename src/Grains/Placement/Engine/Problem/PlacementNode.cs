namespace Coordination.Placement.Engine;

/// <summary>A Jetson node that can host replicas. Only <see cref="Name"/> is required; the rest have the contract's defaults.</summary>
public sealed record PlacementNode(string Name)
{
    /// <summary>Hardware profile id (see <see cref="JetsonProfiles"/>), used for the tier-fit score; <c>null</c> if unknown.</summary>
    public string? Profile { get; init; }

    /// <summary>Node labels, matched by <see cref="PlacementWorkload.NodeSelector"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = PlacementDefaults.EmptyMap;

    /// <summary>Node taints; <see cref="TaintEffect.NoSchedule"/> and <see cref="TaintEffect.NoExecute"/> ones must be tolerated.</summary>
    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>Resources available to replicas.</summary>
    public Resources Allocatable { get; init; }

    /// <summary>Whether the node is ready; a node that is not takes no replica.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>Whether the node is cordoned; a cordoned node takes no replica.</summary>
    public bool Unschedulable { get; init; }

    /// <summary>Live readings, or <c>null</c> when none were reported.</summary>
    public NodeTelemetry? Telemetry { get; init; }
}
