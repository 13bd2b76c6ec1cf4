namespace Coordination.Placement;

/// <summary>GPU-aware placement of robotics workloads for one cluster (key: cluster name, usually <c>default</c>).</summary>
/// <remarks>
/// The grain keeps the desired placement (workload autoscaling, robotics KPIs) and the actual one (compute-node
/// twins' snapshots, the actuator's view of nodes, pods and Deployments), and reconciles them on a timer:
/// binds pending pods, evicts replicas off failed, throttled or power-capped nodes, rebalances with hysteresis,
/// scales Deployments and cordons bad nodes. It runs on a silo with the <c>scheduler</c> role when one exists.
/// </remarks>
[Alias("Coordination.IPlacementGrain")]
public interface IPlacementGrain : IGrainWithStringKey
{
    /// <summary>The default cluster key.</summary>
    const string DefaultKey = "default";

    /// <summary>Compute-node twins report health and live signals (on change and periodically).</summary>
    [OneWay]
    [Alias("NodeUpdated")]
    Task NodeUpdated(NodeSnapshot node);

    /// <summary>A workload reports a robotics KPI (e.g. perception queue length); drives autoscaling.</summary>
    [OneWay]
    [Alias("ReportKpi")]
    Task ReportKpi(KpiSample sample);

    /// <summary>
    /// Sets (or with <c>null</c> removes) the autoscaling policy of a Deployment (<c>namespace/name</c>);
    /// persisted; it overrides the Deployment's <c>coordination.io/autoscale-*</c> annotations.
    /// Throws <c>CoordinationValidationException</c> on a bad policy.
    /// </summary>
    [Alias("SetAutoscaling")]
    Task SetAutoscaling(string workload, WorkloadAutoscaling? autoscaling);

    /// <summary>Asks for a reconciliation round soon (the actuator's watch calls it when pods or nodes change).</summary>
    [OneWay]
    [Alias("RequestReconcile")]
    Task RequestReconcile(string reason);

    /// <summary>Runs a reconciliation round now and returns its decisions.</summary>
    [Alias("Reconcile")]
    Task<PlacementReport> Reconcile();

    /// <summary>Desired vs actual placement, recent decisions and counters.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<PlacementStatus> GetStatus();
}
