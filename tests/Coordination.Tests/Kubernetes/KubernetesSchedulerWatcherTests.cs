using System.Collections.Concurrent;
using Coordination.Hosting;
using Coordination.Placement;
using Coordination.Silo.Hosting;
using Coordination.Silo.Kubernetes;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.World;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace Coordination.Tests.Kubernetes;

/// <summary>
/// The pod/node watcher on a scheduler silo, end to end: the fake API server over HTTP, a real one-silo cluster
/// wired as the Silo wires Kubernetes, the real placement grain and KubernetesClient actuator. The grain's timer and
/// the watcher's keep-alive are an hour apart, so every round after the first comes from a watch event; nothing in
/// these tests calls the placement grain (an incoming-call filter only records the reasons the watcher gives). Each
/// test has its own API server and cluster (the grain key is the cluster-wide <see cref="IPlacementGrain.DefaultKey"/>).
/// </summary>
public sealed class KubernetesSchedulerWatcherTests : IAsyncLifetime
{
    private const string Namespace = "robotics";
    private readonly ConcurrentQueue<string> _requested = new();
    private FakeKubernetesApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeKubernetesApi.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_pending_pod_created_after_the_watcher_started_is_bound_without_a_call_to_the_grain()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        await using var cluster = await StartClusterAsync();
        await Eventually.Get(() => _api.WatchesOpened("pods"), n => n >= 1, "the watcher opens its pod watch");

        // A round that the watcher's start asked for has read the cluster (its last read is the Deployment list); the
        // pod comes right after it, when the grain is least willing to run another round (it coalesces requests).
        await Eventually.Get(() => Observed(), n => n >= 1, "a first round reads the cluster");
        var app = TestKeys.New("perception");
        _api.AddDeployment(Namespace, app, 1, gpuMemoryMiB: 1024);

        var pod = await Eventually.Get(() => PodsOf(app), p => p.Count == 1 && p[0].Spec.NodeName == "nx-1", $"the pod of {app} is bound to nx-1");
        await Eventually.Get(() => _requested.ToList(), r => r.Contains($"pod {Namespace}/{pod[0].Metadata.Name} pending"), "the watcher asks for a round for the pending pod");
        Assert.Contains(_api.Requests, r => r.Method == "POST" && r.Path == $"/api/v1/namespaces/{Namespace}/pods/{pod[0].Metadata.Name}/binding" && r.Status == 201);
        AssertWatcherRunning(cluster);
    }

    [Fact]
    public async Task A_node_that_turns_not_ready_is_cordoned_and_its_pods_are_evicted_and_bound_elsewhere()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddNode("nx-2", "orin-nx-16gb");
        var app = TestKeys.New("perception");
        _api.AddDeployment(Namespace, app, 2, gpuMemoryMiB: 1024);
        await using var cluster = await StartClusterAsync();
        var bound = await Eventually.Get(() => PodsOf(app), p => p.Count == 2 && p.All(x => x.Spec.NodeName is not null), "both pods are bound");
        var failed = bound[0].Spec.NodeName;
        var healthy = failed == "nx-1" ? "nx-2" : "nx-1";
        var lost = bound.Where(p => p.Spec.NodeName == failed).Select(p => p.Metadata.Name).ToList();

        _api.SetNodeReady(failed, false);

        await Eventually.Get(() => _requested.ToList(), r => r.Contains($"node {failed} ready=False unschedulable=False"), $"the watcher asks for a round for {failed}");
        await Eventually.Get(() => _api.Node(failed).Spec.Unschedulable, u => u == true, $"{failed} is cordoned");
        await Eventually.Get(() => PodsOf(app), p => p.Count == 2 && p.All(x => x.Spec.NodeName == healthy), $"the replicas run on {healthy} only");
        foreach (var name in lost)
        {
            Assert.Contains(_api.Requests, r => r.Method == "POST" && r.Path == $"/api/v1/namespaces/{Namespace}/pods/{name}/eviction" && r.Status == 201);
        }

        AssertWatcherRunning(cluster);
    }

    [Fact]
    public async Task Watch_streams_that_the_api_server_closes_are_reopened_and_later_events_still_trigger_rounds()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        await using var cluster = await StartClusterAsync();
        await Eventually.Get(() => (_api.WatchesOpened("pods"), _api.WatchesOpened("nodes")), n => n.Item1 >= 1 && n.Item2 >= 1, "both watches are open");

        _api.CloseWatches("pods");
        _api.CloseWatches("nodes");
        await Eventually.Get(() => (_api.WatchesOpened("pods"), _api.WatchesOpened("nodes")), n => n.Item1 >= 2 && n.Item2 >= 2, "both watches are open again");

        var app = TestKeys.New("perception");
        _api.AddDeployment(Namespace, app, 1, gpuMemoryMiB: 1024);
        var pod = await Eventually.Get(() => PodsOf(app), p => p.Count == 1 && p[0].Spec.NodeName == "nx-1", "the new pod is bound to nx-1");
        await Eventually.Get(() => _requested.ToList(), r => r.Contains($"pod {Namespace}/{pod[0].Metadata.Name} pending"), "the watcher asks for a round for the pending pod");

        // The reopened node watch still reports readiness: nx-1 fails, its replica moves to the new node nx-2.
        _api.AddNode("nx-2", "orin-nx-16gb");
        _api.SetNodeReady("nx-1", false);
        await Eventually.Get(() => _requested.ToList(), r => r.Contains("node nx-1 ready=False unschedulable=False"), "the watcher asks for a round for nx-1");
        await Eventually.Get(() => _api.Node("nx-1").Spec.Unschedulable, u => u == true, "nx-1 is cordoned");
        await Eventually.Get(() => PodsOf(app), p => p.Count == 1 && p[0].Spec.NodeName == "nx-2", "the replica runs on nx-2");
        AssertWatcherRunning(cluster);
    }

    [Fact]
    public async Task An_api_outage_and_broken_watch_connections_are_survived_and_scheduling_resumes()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.Fault = _ => 503;
        await using var cluster = await StartClusterAsync();
        await Eventually.Get(() => FailedWatches("pods"), n => n >= 2, "the pod watch is retried after failing");
        await Eventually.Get(() => FailedWatches("nodes"), n => n >= 2, "the node watch is retried after failing");

        // A pod that arrives during the outage is bound once the API answers again (the reopened watch lists it).
        var first = TestKeys.New("perception");
        _api.AddDeployment(Namespace, first, 1, gpuMemoryMiB: 1024);
        _api.Fault = null;
        await Eventually.Get(() => PodsOf(first), p => p.Count == 1 && p[0].Spec.NodeName == "nx-1", "the pod that came during the outage is bound");

        // Connections dropped mid-stream: the watches come back and a later pod is bound.
        var opened = _api.WatchesOpened("pods");
        _api.BreakWatches("pods");
        _api.BreakWatches("nodes");
        await Eventually.Get(() => _api.WatchesOpened("pods"), n => n > opened, "the pod watch is open again");
        var second = TestKeys.New("planner");
        _api.AddDeployment(Namespace, second, 1, gpuMemoryMiB: 1024);
        var later = await Eventually.Get(() => PodsOf(second), p => p.Count == 1 && p[0].Spec.NodeName == "nx-1", "the later pod is bound");
        await Eventually.Get(() => _requested.ToList(), r => r.Contains($"pod {Namespace}/{later[0].Metadata.Name} pending"), "the watcher asks for a round for the pending pod");

        AssertWatcherRunning(cluster);
    }

    /// <summary>A one-silo cluster with the <c>scheduler</c> role, Kubernetes wired from configuration as in the Silo host.</summary>
    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Roles"] = SchedulerSiloPlacementFilterStrategy.SchedulerRole,
            ["Coordination:Kubernetes:Actuator"] = "true",
            ["Coordination:Kubernetes:ApiServer"] = _api.Url,
            ["Coordination:Kubernetes:WatchRestartDelay"] = "00:00:00.050",
            ["Coordination:Kubernetes:KeepAliveInterval"] = "01:00:00",
            ["Coordination:Kubernetes:RetryBaseDelay"] = "00:00:00.010",
            ["Coordination:Kubernetes:RetryMaxDelay"] = "00:00:00.050",
            ["Coordination:Placement:ReconcileInterval"] = "01:00:00",
            ["Coordination:Placement:Rebalance"] = "false",
            ["Coordination:Placement:SolverBudget"] = "00:00:00.050",
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
            silo.UseSiloMetadata(new Dictionary<string, string> { [SchedulerSiloPlacementFilterStrategy.RolesMetadataKey] = SchedulerSiloPlacementFilterStrategy.SchedulerRole });
            silo.Services.AddCoordinationKubernetes(silo.Configuration);
            silo.AddIncomingGrainCallFilter(call =>
            {
                if (call.MethodName == nameof(IPlacementGrain.RequestReconcile) && call.Request.GetArgument(0) is string reason)
                {
                    _requested.Enqueue(reason);
                }

                return call.Invoke();
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        return cluster;
    }

    /// <summary>The watcher still runs and the silo host is not stopping (a faulted BackgroundService stops the host).</summary>
    private static void AssertWatcherRunning(InProcessTestCluster cluster)
    {
        var silo = Assert.Single(cluster.Silos);
        Assert.False(silo.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the silo host is stopping");
        var watcher = Assert.Single(silo.ServiceProvider.GetServices<IHostedService>().OfType<KubernetesSchedulerWatcher>());
        Assert.NotNull(watcher.ExecuteTask);
        Assert.False(watcher.ExecuteTask.IsCompleted, $"the watcher stopped: {watcher.ExecuteTask.Status} {watcher.ExecuteTask.Exception}");
    }

    private List<V1Pod> PodsOf(string app) =>
        [.. _api.Pods().Where(p => p.Metadata.Labels.TryGetValue("app.kubernetes.io/name", out var a) && a == app).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>Rounds that read the whole cluster: a round's last read is the Deployment list.</summary>
    private int Observed() =>
        _api.Requests.Count(r => r.Method == "GET" && r.Path == "/apis/apps/v1/deployments" && !r.Query.Contains("watch=true", StringComparison.Ordinal) && r.Status == 200);

    private int FailedWatches(string kind) =>
        _api.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + kind, StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal) && r.Status == 503);
}
