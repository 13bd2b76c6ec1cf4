using Coordination.Placement;
using Coordination.Silo.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Coordination.Tests.Kubernetes;

public sealed class KubernetesActuatorTests : IAsyncLifetime
{
    private FakeKubernetesApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeKubernetesApi.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KubernetesActuator Actuator(bool dryRun = false) => new(
        _api.Client(),
        Options.Create(new KubernetesOptions
        {
            Actuator = true,
            DryRun = dryRun,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            MaxAttempts = 4,
        }),
        TimeProvider.System,
        NullLogger<KubernetesActuator>.Instance);

    [Fact]
    public async Task Observes_nodes_with_jetson_profile_and_the_pods_and_deployments_of_the_scheduler()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddNode("nano-1", "orin-nano-8gb", ready: false);
        _api.AddDeployment("robotics", "perception", 2, gpuMemoryMiB: 2048, priority: 100);

        var view = await Actuator().ObserveAsync(Ct);

        var nx = view.Nodes.Single(n => n.Name == "nx-1");
        Assert.True(nx.Ready);
        Assert.Equal(14336, nx.Allocatable.GpuMemoryMiB);
        Assert.Equal(8000, nx.Allocatable.CpuMillicores);
        Assert.Equal(14336, nx.Allocatable.MemoryMiB);
        Assert.False(view.Nodes.Single(n => n.Name == "nano-1").Ready);
        Assert.Equal(2, view.Pods.Count);
        Assert.All(view.Pods, p =>
        {
            Assert.True(p.IsPending);
            Assert.Equal(new WorkloadKey("robotics", "perception"), p.Workload);
            Assert.Equal(2048, p.Requests.GpuMemoryMiB);
            Assert.Equal(500, p.Requests.CpuMillicores);
            Assert.Equal(512, p.Requests.MemoryMiB);
            Assert.Equal(100, p.Priority);
        });
        Assert.Equal(2, Assert.Single(view.Deployments).Replicas);
        Assert.Contains(_api.Requests, r => r.Path == "/api/v1/pods" && r.Query.Contains("fieldSelector=spec.schedulerName%3Dcoordination-placement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binds_a_pod_with_201_and_reports_a_second_binding_as_a_409_conflict()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddNode("nx-2", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 2048);
        var pod = _api.Pods().Single();
        var key = new PodKey("robotics", pod.Metadata.Name);
        var actuator = Actuator();

        Assert.Equal(ActuationOutcome.Done, (await actuator.BindAsync(key, "nx-1", Ct)).Outcome);
        Assert.Equal("nx-1", _api.Pods().Single().Spec.NodeName);

        var again = await actuator.BindAsync(key, "nx-2", Ct);
        Assert.Equal(ActuationOutcome.Failed, again.Outcome);
        Assert.Contains("already bound to node nx-1", again.Detail, StringComparison.Ordinal);
        Assert.Equal([201, 409], _api.Requests.Where(r => r.Path.EndsWith("/binding", StringComparison.Ordinal)).Select(r => r.Status));

        // A retried binding that already went through (same node) is not an error.
        Assert.Equal(ActuationOutcome.Done, (await actuator.BindAsync(key, "nx-1", Ct)).Outcome);
        Assert.Equal(ActuationOutcome.Failed, (await actuator.BindAsync(new PodKey("robotics", "nope"), "nx-1", Ct)).Outcome);
    }

    [Fact]
    public async Task Eviction_blocked_by_a_disruption_budget_is_a_429_retry_and_never_forced()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 2, 2048);
        var actuator = Actuator();
        foreach (var p in _api.Pods())
        {
            await actuator.BindAsync(new PodKey("robotics", p.Metadata.Name), "nx-1", Ct);
        }

        _api.AddDisruptionBudget("robotics", "perception", maxUnavailable: 0);
        var victim = new PodKey("robotics", _api.Pods()[0].Metadata.Name);
        var refused = await actuator.EvictAsync(victim, "test", Ct);
        Assert.Equal(ActuationOutcome.Retry, refused.Outcome);
        Assert.Contains("PodDisruptionBudget", refused.Detail, StringComparison.Ordinal);
        Assert.Single(_api.Requests, r => r.Path.EndsWith("/eviction", StringComparison.Ordinal) && r.Status == 429);
        Assert.Contains(_api.Pods(), p => p.Metadata.Name == victim.Name);
    }

    [Fact]
    public async Task Eviction_deletes_the_pod_and_its_deployment_recreates_it_pending()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 2048);
        var actuator = Actuator();
        var pod = new PodKey("robotics", _api.Pods().Single().Metadata.Name);
        await actuator.BindAsync(pod, "nx-1", Ct);

        Assert.Equal(ActuationOutcome.Done, (await actuator.EvictAsync(pod, "node failed", Ct)).Outcome);
        var replacement = _api.Pods().Single();
        Assert.NotEqual(pod.Name, replacement.Metadata.Name);
        Assert.Null(replacement.Spec.NodeName);
        Assert.Equal(ActuationOutcome.Done, (await actuator.EvictAsync(pod, "again", Ct)).Outcome);
    }

    [Fact]
    public async Task Scales_through_the_scale_subresource()
    {
        _api.AddDeployment("robotics", "perception", 2, 2048);
        var result = await Actuator().ScaleAsync(new WorkloadKey("robotics", "perception"), 5, Ct);
        Assert.Equal(ActuationOutcome.Done, result.Outcome);
        Assert.Equal(5, _api.Replicas("robotics", "perception"));
        Assert.Equal(5, _api.Pods().Count);
        var patch = Assert.Single(_api.Requests, r => r.Method == "PATCH");
        Assert.Equal("/apis/apps/v1/namespaces/robotics/deployments/perception/scale", patch.Path);
        Assert.Equal("""{"spec":{"replicas":5}}""", patch.Body);
        Assert.Equal(ActuationOutcome.Failed, (await Actuator().ScaleAsync(new WorkloadKey("robotics", "missing"), 1, Ct)).Outcome);
    }

    [Fact]
    public async Task Cordons_and_uncordons_only_its_own_cordons()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        var actuator = Actuator();
        Assert.Equal(ActuationOutcome.Done, (await actuator.SetCordonAsync("nx-1", true, "not ready", Ct)).Outcome);
        var node = _api.Node("nx-1");
        Assert.True(node.Spec.Unschedulable);
        Assert.Equal("coordination-placement", node.Metadata.Annotations[WorkloadAnnotations.CordonedBy]);

        Assert.Equal(ActuationOutcome.Done, (await actuator.SetCordonAsync("nx-1", false, "healthy", Ct)).Outcome);
        node = _api.Node("nx-1");
        Assert.NotEqual(true, node.Spec.Unschedulable);
        Assert.False(node.Metadata.Annotations?.ContainsKey(WorkloadAnnotations.CordonedBy) ?? false);

        // An operator's cordon (no annotation) is left alone.
        _api.AddNode("nx-2", "orin-nx-16gb");
        using (var client = _api.Client())
        {
            await k8s.CoreV1OperationsExtensions.PatchNodeAsync(client.CoreV1, new k8s.Models.V1Patch("""{"spec":{"unschedulable":true}}""", k8s.Models.V1Patch.PatchType.MergePatch), "nx-2", cancellationToken: Ct);
        }

        var left = await actuator.SetCordonAsync("nx-2", false, "healthy", Ct);
        Assert.Contains("someone else", left.Detail, StringComparison.Ordinal);
        Assert.True(_api.Node("nx-2").Spec.Unschedulable);
    }

    [Fact]
    public async Task Dry_run_reads_but_writes_nothing()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 2048);
        var actuator = Actuator(dryRun: true);
        var pod = new PodKey("robotics", _api.Pods().Single().Metadata.Name);

        Assert.Equal("kubernetes (dry-run)", actuator.Name);
        Assert.Equal(ActuationOutcome.DryRun, (await actuator.BindAsync(pod, "nx-1", Ct)).Outcome);
        Assert.Equal(ActuationOutcome.DryRun, (await actuator.EvictAsync(pod, "x", Ct)).Outcome);
        Assert.Equal(ActuationOutcome.DryRun, (await actuator.ScaleAsync(new WorkloadKey("robotics", "perception"), 3, Ct)).Outcome);
        Assert.Equal(ActuationOutcome.DryRun, (await actuator.SetCordonAsync("nx-1", true, "x", Ct)).Outcome);
        Assert.All(_api.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Null(_api.Pods().Single().Spec.NodeName);
    }

    [Fact]
    public async Task Transient_server_errors_are_retried_and_forbidden_is_reported_without_throwing()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 2048);
        var pod = new PodKey("robotics", _api.Pods().Single().Metadata.Name);
        var failures = 2;
        _api.Fault = r => r.Path.Value!.EndsWith("/binding", StringComparison.Ordinal) && Interlocked.Decrement(ref failures) >= 0 ? 503 : null;
        Assert.Equal(ActuationOutcome.Done, (await Actuator().BindAsync(pod, "nx-1", Ct)).Outcome);
        Assert.Equal([503, 503, 201], _api.Requests.Where(r => r.Path.EndsWith("/binding", StringComparison.Ordinal)).Select(r => r.Status));

        _api.Fault = r => r.Method == "PATCH" ? 403 : null;
        var forbidden = await Actuator().SetCordonAsync("nx-1", true, "x", Ct);
        Assert.Equal(ActuationOutcome.Failed, forbidden.Outcome);
        Assert.Contains("403", forbidden.Detail, StringComparison.Ordinal);
        Assert.Contains("ClusterRole", forbidden.Detail, StringComparison.Ordinal);

        _api.Fault = r => r.Path == "/api/v1/nodes" ? 500 : null;
        var error = await Assert.ThrowsAsync<KubernetesActuationException>(() => Actuator().ObserveAsync(Ct));
        Assert.Contains("list nodes", error.Message, StringComparison.Ordinal);
    }
}
