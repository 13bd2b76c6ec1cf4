using Coordination.Client.Placement;
using Coordination.Common;
using Coordination.Hosting;
using Coordination.Placement;
using Coordination.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Coordination.Tests.Placement;

/// <summary>The placement grain in a silo, driving a shared in-memory cluster, through the SDK facade.</summary>
public sealed class PlacementGrainTests
{
    [Fact]
    public async Task The_grain_reacts_to_node_twins_kpis_and_reports_its_decisions()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = new InMemoryClusterActuator();
        cluster.SetNode(TestCluster.Node("nx-1"));
        cluster.SetNode(TestCluster.Node("nx-2"));
        cluster.AddDeployment(TestCluster.Key("perception"), 2, TestCluster.Template("perception", 100, 4096));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IClusterActuator>(cluster);
            silo.Services.Configure<PlacementControllerOptions>(o => o.ReconcileInterval = TimeSpan.FromHours(1));
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
        });
        await using var host = builder.Build();
        await host.DeployAsync(ct);
        var key = Infrastructure.TestKeys.New("cluster");
        var placement = new PlacementClient(host.Client, clusterKey: key);

        var first = await placement.ReconcileAsync();
        Assert.Equal(2, first.Decisions.Count(d => d.Kind == PlacementDecisionKind.Bind && d.Outcome == ActuationOutcome.Done));

        // A node twin reports not-ready: its replica is evicted, then the replacement is bound to the other node.
        var failed = cluster.Pods.First().NodeName!;
        await host.Client.GetGrain<IPlacementGrain>(key).NodeUpdated(TestCluster.Snapshot(failed, NodeHealth.NotReady, DateTimeOffset.UtcNow));
        // NodeUpdated is one-way: rounds run until the grain has seen it (bounded).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        PlacementReport second;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the grain never reacted to the not-ready node");
            second = await placement.ReconcileAsync();
        }
        while (!second.Decisions.Any(d => d.Kind == PlacementDecisionKind.Evict && d.Node == failed));

        await placement.ReconcileAsync();
        Assert.All(cluster.Pods, p => Assert.NotEqual(failed, p.NodeName));

        // Autoscaling through the SDK; a bad policy is refused with the field named.
        var bad = await Assert.ThrowsAsync<CoordinationValidationException>(() => placement.SetAutoscalingAsync("robotics/perception", new WorkloadAutoscaling("q", 0, 1, 4, 0.1, TimeSpan.Zero, TimeSpan.Zero)));
        Assert.Equal("autoscaling.targetPerReplica", bad.Field);
        await Assert.ThrowsAsync<CoordinationValidationException>(() => placement.SetAutoscalingAsync("perception", null));
        await placement.SetAutoscalingAsync("robotics/perception", new WorkloadAutoscaling("perception.queue", 10, 1, 4, 0.1, TimeSpan.Zero, TimeSpan.FromMinutes(5)));
        await placement.ReportKpiAsync("robotics/perception", "perception.queue", 20, "pod-a");
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        PlacementReport scaled;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the grain never scaled on the KPI");
            scaled = await placement.ReconcileAsync();
        }
        while (!scaled.Decisions.Any(d => d.Kind == PlacementDecisionKind.Scale && d.Outcome == ActuationOutcome.Done));
        Assert.Equal(4, cluster.GetReplicas(TestCluster.Key("perception")));

        var status = await placement.GetStatusAsync();
        Assert.Equal("in-memory", status.Actuator);
        Assert.Equal(2, status.Nodes.Count);
        Assert.Equal(NodeHealth.NotReady, status.Nodes.Single(n => n.Name == failed).Health);
        Assert.True(status.Nodes.Single(n => n.Name == failed).Cordoned);
        Assert.Contains(status.RecentDecisions, d => d.Kind == PlacementDecisionKind.Scale);
        Assert.True(status.Evictions >= 1);
        Assert.True(status.Bindings >= 3);
    }
}
