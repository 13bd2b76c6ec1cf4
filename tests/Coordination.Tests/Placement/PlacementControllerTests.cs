using Coordination.Placement;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Placement;

public sealed class PlacementControllerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static PlacementControllerOptions Options() => new()
    {
        Rebalance = false,
        UncordonAfter = TimeSpan.FromMinutes(1),
        ThrottleMoveInterval = TimeSpan.FromSeconds(30),
        SolverBudget = TimeSpan.FromMilliseconds(50),
    };

    private (InMemoryClusterActuator Cluster, PlacementController Controller) Create(PlacementControllerOptions? options = null)
    {
        var cluster = new InMemoryClusterActuator(_clock);
        return (cluster, new PlacementController(cluster, options ?? Options(), _clock));
    }

    private async Task<PlacementReport> RoundAsync(PlacementController controller)
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        return await controller.ReconcileAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Binds_pending_pods_within_capacity_and_reports_the_rest_unscheduled()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("nx-1"));
        cluster.SetNode(TestCluster.Node("nx-2"));

        // orin-nx-16gb: 14336 MiB of GPU memory each; 5 replicas of 6 GiB fit 2 per node.
        cluster.AddDeployment(TestCluster.Key("perception"), 5, TestCluster.Template("perception", 100, 6144));
        var report = await RoundAsync(controller);

        Assert.Equal(4, report.Decisions.Count(d => d.Kind == PlacementDecisionKind.Bind && d.Outcome == ActuationOutcome.Done));
        Assert.Equal(1, report.Unscheduled);
        Assert.Single(report.Decisions, d => d.Kind == PlacementDecisionKind.Unscheduled);
        var bound = cluster.Pods.Where(p => !p.IsPending).GroupBy(p => p.NodeName).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(2, bound["nx-1"]);
        Assert.Equal(2, bound["nx-2"]);
        Assert.Contains("insufficient gpuMemoryMiB", controller.Status("default").Unscheduled.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_failure_evicts_its_replicas_cordons_it_and_binds_the_replacements_elsewhere()
    {
        var (cluster, controller) = Create();
        foreach (var n in new[] { "nx-1", "nx-2", "nx-3" })
        {
            cluster.SetNode(TestCluster.Node(n));
        }

        cluster.AddDeployment(TestCluster.Key("perception"), 3, TestCluster.Template("perception", 100, 6144));
        await RoundAsync(controller);
        var failed = cluster.Pods.First(p => !p.IsPending).NodeName!;
        var before = cluster.Pods.Where(p => p.NodeName == failed).Select(p => p.Key).ToList();
        Assert.NotEmpty(before);

        // The node's twin reports not-ready (missed reports).
        controller.NodeUpdated(TestCluster.Snapshot(failed, NodeHealth.NotReady, _clock.GetUtcNow()));
        var report = await RoundAsync(controller);
        Assert.Contains(report.Decisions, d => d.Kind == PlacementDecisionKind.Cordon && d.Target == failed && d.Outcome == ActuationOutcome.Done);
        foreach (var pod in before)
        {
            Assert.Contains(report.Decisions, d => d.Kind == PlacementDecisionKind.Evict && d.Target == pod.ToString() && d.Outcome == ActuationOutcome.Done);
        }

        // The replacements (recreated by the Deployment) are bound to the healthy nodes.
        await RoundAsync(controller);
        var pods = cluster.Pods;
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.NotNull(p.NodeName));
        Assert.DoesNotContain(pods, p => p.NodeName == failed);
        Assert.True(cluster.GetNode(failed).Unschedulable);
    }

    [Fact]
    public async Task Thermal_throttling_moves_the_lowest_priority_replica_off_the_node_first()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("hot"));
        cluster.AddDeployment(TestCluster.Key("slam"), 1, TestCluster.Template("slam", 300, 4096));
        cluster.AddDeployment(TestCluster.Key("perception"), 1, TestCluster.Template("perception", 200, 4096));
        cluster.AddDeployment(TestCluster.Key("logging"), 1, TestCluster.Template("logging", 10, 1024));
        await RoundAsync(controller);
        Assert.All(cluster.Pods, p => Assert.Equal("hot", p.NodeName));
        cluster.SetNode(TestCluster.Node("cool"));

        controller.NodeUpdated(TestCluster.Snapshot("hot", NodeHealth.Throttled, _clock.GetUtcNow(), temperature: 88));
        var report = await RoundAsync(controller);
        var evictions = report.Decisions.Where(d => d.Kind == PlacementDecisionKind.Evict).ToList();
        var eviction = Assert.Single(evictions);
        Assert.StartsWith("robotics/logging-", eviction.Target, StringComparison.Ordinal);
        Assert.Contains("lowest-priority", eviction.Reason, StringComparison.Ordinal);
        Assert.Contains(report.Decisions, d => d.Kind == PlacementDecisionKind.Cordon && d.Target == "hot");

        // Its replacement lands on the cool node; the others stay; nothing else moves within the interval.
        var next = await RoundAsync(controller);
        Assert.DoesNotContain(next.Decisions, d => d.Kind == PlacementDecisionKind.Evict);
        Assert.Equal("cool", cluster.Pods.Single(p => p.Workload.Name == "logging").NodeName);
        Assert.Equal("hot", cluster.Pods.Single(p => p.Workload.Name == "slam").NodeName);
        Assert.Equal("hot", cluster.Pods.Single(p => p.Workload.Name == "perception").NodeName);

        // Still throttled after the interval: the next lowest (perception) goes, never slam first.
        _clock.Advance(TimeSpan.FromSeconds(30));
        var later = await RoundAsync(controller);
        Assert.StartsWith("robotics/perception-", Assert.Single(later.Decisions, d => d.Kind == PlacementDecisionKind.Evict).Target, StringComparison.Ordinal);

        // Cooled down: uncordoned only after being healthy for UncordonAfter.
        controller.NodeUpdated(TestCluster.Snapshot("hot", NodeHealth.Ready, _clock.GetUtcNow(), temperature: 60));
        var cooled = await RoundAsync(controller);
        Assert.DoesNotContain(cooled.Decisions, d => d.Kind == PlacementDecisionKind.Uncordon);
        _clock.Advance(TimeSpan.FromMinutes(1));
        controller.NodeUpdated(TestCluster.Snapshot("hot", NodeHealth.Ready, _clock.GetUtcNow(), temperature: 58));
        var uncordoned = await RoundAsync(controller);
        Assert.Contains(uncordoned.Decisions, d => d.Kind == PlacementDecisionKind.Uncordon && d.Target == "hot");
        Assert.False(cluster.GetNode("hot").Unschedulable);
    }

    [Fact]
    public async Task Over_the_power_budget_counts_as_throttled()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("n1"));
        cluster.SetNode(TestCluster.Node("n2"));
        cluster.AddPod(TestCluster.Template("a", 50, 1024) with { Key = new PodKey("robotics", "a-1"), NodeName = "n1" });
        cluster.AddPod(TestCluster.Template("b", 5, 1024) with { Key = new PodKey("robotics", "b-1"), NodeName = "n1" });
        controller.NodeUpdated(TestCluster.Snapshot("n1", NodeHealth.Ready, _clock.GetUtcNow(), power: 31, budget: 25));
        var report = await RoundAsync(controller);
        var eviction = Assert.Single(report.Decisions, d => d.Kind == PlacementDecisionKind.Evict);
        Assert.Equal("robotics/b-1", eviction.Target);
        Assert.Contains("over budget", eviction.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eviction_refused_by_the_disruption_budget_is_retried_later_with_backoff_not_forced()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("n1"));
        cluster.SetNode(TestCluster.Node("n2"));
        cluster.AddDisruptionBudget(new InMemoryDisruptionBudget("robotics", new Dictionary<string, string> { [WorkloadAnnotations.NameLabel] = "perception" }, MaxUnavailable: 0));
        cluster.AddPod(TestCluster.Template("perception", 5, 1024) with { Key = new PodKey("robotics", "perception-x"), NodeName = "n1" });
        controller.NodeUpdated(TestCluster.Snapshot("n1", NodeHealth.Throttled, _clock.GetUtcNow(), temperature: 90));

        var first = await RoundAsync(controller);
        var refused = Assert.Single(first.Decisions, d => d.Kind == PlacementDecisionKind.Evict);
        Assert.Equal(ActuationOutcome.Retry, refused.Outcome);
        Assert.Contains("429", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("n1", cluster.Pods.Single().NodeName);

        // Within the backoff (2 s base) nothing is tried; the pod is never deleted behind the budget's back.
        var calls = cluster.Calls.Count(c => c.Kind == PlacementDecisionKind.Evict);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await RoundAsync(controller);
        Assert.Equal(calls + 1, cluster.Calls.Count(c => c.Kind == PlacementDecisionKind.Evict));
        Assert.Equal("perception-x", cluster.Pods.Single().Key.Name);
    }

    [Fact]
    public async Task Rebalancing_moves_one_replica_then_holds_while_replicas_are_young()
    {
        var options = Options();
        options.Rebalance = true;
        options.RebalanceInterval = TimeSpan.FromMinutes(1);
        options.MinReplicaDwell = TimeSpan.FromMinutes(5);
        options.RebalanceThreshold = 0.3;
        var (cluster, controller) = Create(options);
        cluster.SetNode(TestCluster.Node("busy"));
        cluster.SetNode(TestCluster.Node("idle"));
        var old = _clock.GetUtcNow() - TimeSpan.FromHours(1);
        cluster.AddDeployment(TestCluster.Key("perception"), 0, TestCluster.Template("perception", 10, 4096));
        for (var i = 0; i < 3; i++)
        {
            cluster.AddPod(TestCluster.Template("perception", 10, 4096) with { Key = new PodKey("robotics", $"p-{i}"), NodeName = "busy", CreatedAt = old });
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        var first = await RoundAsync(controller);
        Assert.Single(first.Decisions, d => d.Kind == PlacementDecisionKind.Evict);

        // Later rounds: the replacement lands on the idle node, the spread is small: no flapping.
        for (var i = 0; i < 30; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            var r = await RoundAsync(controller);
            Assert.DoesNotContain(r.Decisions, d => d.Kind == PlacementDecisionKind.Evict);
        }

        Assert.Equal(1, cluster.Calls.Count(c => c.Kind == PlacementDecisionKind.Evict));
        Assert.Equal(2, cluster.Pods.Count(p => p.NodeName == "busy"));
        Assert.Equal(1, cluster.Pods.Count(p => p.NodeName == "idle"));
    }

    [Fact]
    public async Task Autoscales_deployments_from_kpis_with_stabilization()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("n1"));
        cluster.SetNode(TestCluster.Node("n2"));
        var policy = new WorkloadAutoscaling("perception.queue", 10, 1, 4, 0.1, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        cluster.AddDeployment(TestCluster.Key("perception"), 2, TestCluster.Template("perception", 10, 1024), policy);

        controller.ReportKpi(new KpiSample("robotics/perception", "perception.queue", 25, "pod-1", _clock.GetUtcNow()));
        var up = await RoundAsync(controller);
        var scale = Assert.Single(up.Decisions, d => d.Kind == PlacementDecisionKind.Scale);
        Assert.Contains("2 -> 4", scale.Reason, StringComparison.Ordinal);
        Assert.Equal(4, cluster.GetReplicas(TestCluster.Key("perception")));

        // The queue empties: no scale-down for 5 minutes, then down to the minimum.
        for (var i = 0; i < 10; i++)
        {
            controller.ReportKpi(new KpiSample("robotics/perception", "perception.queue", 0, "pod-1", _clock.GetUtcNow()));
            await RoundAsync(controller);
            Assert.Equal(4, cluster.GetReplicas(TestCluster.Key("perception")));
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        controller.ReportKpi(new KpiSample("robotics/perception", "perception.queue", 0, "pod-1", _clock.GetUtcNow()));
        await RoundAsync(controller);
        Assert.Equal(1, cluster.GetReplicas(TestCluster.Key("perception")));
        var status = controller.Status("default");
        var workload = status.Workloads.Single(w => w.Workload == "robotics/perception");
        Assert.Equal("perception.queue", workload.Kpi);
        Assert.Equal(1, workload.DesiredReplicas);
    }

    [Fact]
    public async Task A_higher_priority_pending_pod_preempts_and_binds_after_the_eviction()
    {
        var (cluster, controller) = Create();
        cluster.SetNode(TestCluster.Node("only"));
        cluster.AddPod(TestCluster.Template("batch", 1, 12000) with { Key = new PodKey("robotics", "batch-1"), NodeName = "only" });
        cluster.AddPod(TestCluster.Template("slam", 500, 8000) with { Key = new PodKey("robotics", "slam-1") });

        var first = await RoundAsync(controller);
        Assert.Contains(first.Decisions, d => d.Kind == PlacementDecisionKind.Evict && d.Target == "robotics/batch-1" && d.Reason.Contains("preempted", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Decisions, d => d.Kind == PlacementDecisionKind.Bind);
        await RoundAsync(controller);
        Assert.Equal("only", cluster.Pods.Single(p => p.Key.Name == "slam-1").NodeName);
    }
}
