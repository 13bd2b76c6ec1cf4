namespace Coordination.Placement;

/// <summary>Settings of the placement grain (configuration section <c>Coordination:Placement</c>).</summary>
public sealed class PlacementControllerOptions
{
    public const string SectionName = "Coordination:Placement";

    /// <summary>How often the grain reconciles desired and actual placement.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Search budget of the placement engine per round.</summary>
    public TimeSpan SolverBudget { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A compute-node twin snapshot older than this is ignored (the node is judged by the cluster alone).</summary>
    public TimeSpan SnapshotMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A KPI reading older than this no longer counts for autoscaling.</summary>
    public TimeSpan KpiMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Cordon nodes that are not ready, throttled or over their power budget (and uncordon them when healthy).</summary>
    public bool CordonUnhealthyNodes { get; set; } = true;

    /// <summary>A node cordoned by the grain is uncordoned only after being healthy this long (hysteresis).</summary>
    public TimeSpan UncordonAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one lowest-priority replica is moved off a throttled (or power-capped) node per this interval.</summary>
    public TimeSpan ThrottleMoveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Periodic rebalancing (moves a replica off the most loaded node when the spread is large).</summary>
    public bool Rebalance { get; set; } = true;

    public TimeSpan RebalanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rebalance only when the most and least loaded nodes differ by more than this load fraction (0..1).</summary>
    public double RebalanceThreshold { get; set; } = 0.3;

    /// <summary>A replica younger than this is never moved by rebalancing (so workloads do not flap).</summary>
    public TimeSpan MinReplicaDwell { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Backoff of an action the cluster refused for now (PodDisruptionBudget, conflict): base, doubling to the max.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Highest node temperature (degrees C) a replica may be placed at; <c>null</c> = no limit.</summary>
    public double? MaxTemperatureC { get; set; }

    /// <summary>How many recent decisions the status keeps.</summary>
    public int RecentDecisions { get; set; } = 100;
}
