using Coordination.Placement;
using Orleans;

namespace Coordination.Client.Placement;

/// <summary>
/// The placement grain of a cluster from the SDK: status for operators, KPI reports from robotics workloads (they
/// drive autoscaling), autoscaling policies, and an on-demand reconciliation round.
/// </summary>
public sealed class PlacementClient(IClusterClient cluster, TimeProvider? clock = null, string clusterKey = IPlacementGrain.DefaultKey)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private IPlacementGrain Grain => cluster.GetGrain<IPlacementGrain>(clusterKey);

    /// <summary>Nodes, workloads, unscheduled replicas and recent decisions.</summary>
    public Task<PlacementStatus> GetStatusAsync() => Grain.GetStatus();

    /// <summary>Reports one KPI reading of <paramref name="workload"/> (<c>namespace/name</c>) by <paramref name="source"/> (e.g. the pod name).</summary>
    public Task ReportKpiAsync(string workload, string kpi, double value, string source) =>
        Grain.ReportKpi(new KpiSample(workload, kpi, value, source, _clock.GetUtcNow()));

    /// <summary>Sets (or with <c>null</c> removes) the autoscaling policy of a Deployment (<c>namespace/name</c>).</summary>
    public Task SetAutoscalingAsync(string workload, WorkloadAutoscaling? policy) => Grain.SetAutoscaling(workload, policy);

    /// <summary>Runs a reconciliation round now and returns its decisions.</summary>
    public Task<PlacementReport> ReconcileAsync() => Grain.Reconcile();
}
