using Coordination.Placement;
using Coordination.Silo.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Kubernetes;

/// <summary>The placement controller driving the real KubernetesClient actuator against the fake API server.</summary>
public sealed class KubernetesSchedulingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeKubernetesApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeKubernetesApi.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private PlacementController Controller(KubernetesActuator actuator) =>
        new(actuator, new PlacementControllerOptions { Rebalance = false, SolverBudget = TimeSpan.FromMilliseconds(50) }, _clock);

    private KubernetesActuator Actuator() => new(
        _api.Client(),
        Options.Create(new KubernetesOptions { Actuator = true, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }),
        TimeProvider.System,
        NullLogger<KubernetesActuator>.Instance);

    private async Task<PlacementReport> RoundAsync(PlacementController controller)
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        return await controller.ReconcileAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Node_failure_re_places_its_replicas_through_evictions_and_bindings_against_the_api()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddNode("nx-2", "orin-nx-16gb");
        _api.AddNode("nx-3", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 3, gpuMemoryMiB: 6144, priority: 100);
        _api.AddDisruptionBudget("robotics", "perception", maxUnavailable: 1);
        var controller = Controller(Actuator());

        var first = await RoundAsync(controller);
        Assert.Equal(3, first.Decisions.Count(d => d.Kind == PlacementDecisionKind.Bind && d.Outcome == ActuationOutcome.Done));
        Assert.All(_api.Pods(), p => Assert.NotNull(p.Spec.NodeName));
        var failed = _api.Pods()[0].Spec.NodeName;
        var lost = _api.Pods().Where(p => p.Spec.NodeName == failed).Select(p => p.Metadata.Name).ToList();

        _api.SetNodeReady(failed, false);
        var second = await RoundAsync(controller);
        Assert.Contains(second.Decisions, d => d.Kind == PlacementDecisionKind.Cordon && d.Target == failed && d.Outcome == ActuationOutcome.Done);
        Assert.Equal(lost.Select(n => $"robotics/{n}").Order(), second.Decisions.Where(d => d.Kind == PlacementDecisionKind.Evict && d.Outcome == ActuationOutcome.Done).Select(d => d.Target).Order());
        Assert.True(_api.Node(failed).Spec.Unschedulable);

        await RoundAsync(controller);
        var pods = _api.Pods();
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.NotNull(p.Spec.NodeName));
        Assert.DoesNotContain(pods, p => p.Spec.NodeName == failed);

        var requests = _api.Requests;
        Assert.Contains(requests, r => r.Method == "POST" && r.Path.EndsWith("/eviction", StringComparison.Ordinal) && r.Status == 201);
        Assert.Equal(3 + lost.Count, requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/binding", StringComparison.Ordinal) && r.Status == 201));
        Assert.Contains(requests, r => r.Method == "PATCH" && r.Path == $"/api/v1/nodes/{failed}" && r.Status == 200);
    }

    [Fact]
    public async Task Autoscaling_from_deployment_annotations_patches_the_scale_subresource()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 1024, annotations: new Dictionary<string, string>
        {
            [WorkloadAnnotations.AutoscaleKpi] = "perception.queue",
            [WorkloadAnnotations.AutoscaleTarget] = "10",
            [WorkloadAnnotations.AutoscaleMax] = "4",
        });
        var controller = Controller(Actuator());
        controller.ReportKpi(new KpiSample("robotics/perception", "perception.queue", 35, "pod-1", _clock.GetUtcNow()));
        var report = await RoundAsync(controller);
        Assert.Contains(report.Decisions, d => d.Kind == PlacementDecisionKind.Scale && d.Outcome == ActuationOutcome.Done);
        Assert.Equal(4, _api.Replicas("robotics", "perception"));
        await RoundAsync(controller);
        Assert.Equal(4, _api.Pods().Count(p => p.Spec.NodeName == "nx-1"));
    }

    [Fact]
    public async Task Api_outage_is_reported_and_the_decision_is_taken_again_when_it_is_back()
    {
        _api.AddNode("nx-1", "orin-nx-16gb");
        _api.AddDeployment("robotics", "perception", 1, 1024);
        var controller = Controller(Actuator());
        _api.Fault = r => r.Method == "POST" ? 503 : null;
        var down = await RoundAsync(controller);
        var retry = Assert.Single(down.Decisions, d => d.Kind == PlacementDecisionKind.Bind);
        Assert.Equal(ActuationOutcome.Retry, retry.Outcome);

        _api.Fault = null;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var up = await RoundAsync(controller);
        Assert.Equal(ActuationOutcome.Done, Assert.Single(up.Decisions, d => d.Kind == PlacementDecisionKind.Bind).Outcome);
        Assert.Equal("nx-1", _api.Pods().Single().Spec.NodeName);
    }
}
