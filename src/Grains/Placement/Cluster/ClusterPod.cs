using Coordination.Placement.Engine;

namespace Coordination.Placement;

/// <summary>A pod of this scheduler: pending when <see cref="NodeName"/> is null, else bound.</summary>
public sealed record ClusterPod(PodKey Key, WorkloadKey Workload)
{
    public string? NodeName { get; init; }

    /// <summary>Pod priority (spec.priority); higher wins.</summary>
    public int Priority { get; init; }

    /// <summary>Sum of the container requests, GPU memory from annotation <c>coordination.io/gpu-memory-mib</c>.</summary>
    public Resources Requests { get; init; }

    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Required node affinity: any term matches when all its requirements do (empty: no constraint).</summary>
    public IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> RequiredNodeAffinity { get; init; } = [];

    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>Workload names whose pods must not share a node with this one (required pod anti-affinity on the hostname).</summary>
    public IReadOnlyList<string> AntiAffinity { get; init; } = [];

    /// <summary>Labels of the pod (PodDisruptionBudget selectors match them).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsPending => NodeName is null;
}
