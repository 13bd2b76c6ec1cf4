namespace Coordination.Placement.Engine;

/// <summary>A workload: <see cref="Replicas"/> identical replicas numbered 0..Replicas-1.</summary>
public sealed record PlacementWorkload(string Name)
{
    /// <summary>Number of replicas (default 1).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Higher wins: a replica may preempt replicas of strictly lower priority, never equal or higher.</summary>
    public int Priority { get; init; }

    /// <summary>Resources each replica needs.</summary>
    public Resources Requests { get; init; }

    /// <summary>Labels a node must carry (every pair must match).</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = PlacementDefaults.EmptyMap;

    /// <summary>Taints this workload tolerates.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>
    /// Workloads (possibly this one) whose replicas must not share a node with this workload's replicas.
    /// The relation is symmetric: naming B here also keeps B's replicas away from this workload's.
    /// Names of workloads that are not in the problem are ignored.
    /// </summary>
    public IReadOnlyList<string> AntiAffinity { get; init; } = [];

    /// <summary>A node hotter than this (telemetry <c>temperatureC</c>) takes no replica; <c>null</c> = no limit.</summary>
    public double? MaxTemperatureC { get; init; }
}
