using Coordination.Common;
using Coordination.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Placement;

/// <summary>
/// The placement grain of one cluster: a thin adapter around <see cref="PlacementController"/> that feeds it the
/// compute-node twins' snapshots and KPI readings, persists autoscaling policies, and reconciles on a timer through
/// the silo's <see cref="IClusterActuator"/>. Placed on a silo with the <c>scheduler</c> role when one exists (that is
/// where the Kubernetes actuator is wired); it moves there by itself when it finds itself elsewhere.
/// </summary>
[SchedulerSiloPlacementFilter]
public sealed partial class PlacementGrain(
    [PersistentState("placement", CoordinationStorage.Name)] IPersistentState<PlacementGrainState> state,
    IClusterActuator actuator,
    IOptions<PlacementControllerOptions> options,
    TimeProvider clock,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    IServiceProvider services,
    ILogger<PlacementGrain> logger) : Grain, IPlacementGrain
{
    private static readonly TimeSpan MinRequestedGap = TimeSpan.FromSeconds(1);
    private readonly PlacementControllerOptions _options = options.Value;
    private PlacementController _controller = null!;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private IGrainTimer? _requested;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _controller = new PlacementController(actuator, _options, clock);
        foreach (var stored in state.State.Autoscaling)
        {
            _controller.SetAutoscaling(stored.Workload, stored.ToPolicy());
        }

        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(_options.ReconcileInterval, _options.ReconcileInterval) { KeepAlive = true });
        LogActivated(logger, this.GetPrimaryKeyString(), actuator.Name, silo.Name);
        return Task.CompletedTask;
    }

    public Task NodeUpdated(NodeSnapshot node)
    {
        if (node is null || string.IsNullOrEmpty(node.NodeName))
        {
            throw new CoordinationValidationException("node.nodeName", "is required");
        }

        _controller.NodeUpdated(node);
        return Task.CompletedTask;
    }

    public Task ReportKpi(KpiSample sample)
    {
        ValidateKpi(sample);
        _controller.ReportKpi(sample);
        return Task.CompletedTask;
    }

    public async Task SetAutoscaling(string workload, WorkloadAutoscaling? autoscaling)
    {
        if (!WorkloadKey.TryParse(workload, out _))
        {
            throw new CoordinationValidationException("workload", $"'{workload}' is not namespace/name");
        }

        if (autoscaling is not null)
        {
            var problems = AutoscalingValidator.Validate(autoscaling, "autoscaling");
            if (problems.Count > 0)
            {
                var first = problems[0];
                var colon = first.IndexOf(':', StringComparison.Ordinal);
                throw new CoordinationValidationException(first[..colon], string.Join("; ", problems.Select(p => p[(colon + 2)..])));
            }
        }

        state.State.Autoscaling.RemoveAll(p => p.Workload == workload);
        if (autoscaling is not null)
        {
            state.State.Autoscaling.Add(StoredAutoscalingPolicy.From(workload, autoscaling));
        }

        await state.WriteStateAsync();
        _controller.SetAutoscaling(workload, autoscaling);
    }

    public async Task RequestReconcile(string reason)
    {
        var wait = _lastRun + MinRequestedGap - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            LogRequested(logger, reason);
            await RunAsync(CancellationToken.None);
        }
        else if (_requested is null)
        {
            // Too soon after a round, which may have read the cluster before this change: one more round when the gap
            // has passed, for every request until then, so that a change seen by the watch is never dropped.
            LogRequested(logger, reason);
            _requested = this.RegisterGrainTimer(RequestedRoundAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
    }

    public Task<PlacementReport> Reconcile() => RunAsync(CancellationToken.None);

    public Task<PlacementStatus> GetStatus() => Task.FromResult(_controller.Status(this.GetPrimaryKeyString()));

    private async Task RequestedRoundAsync(CancellationToken cancellationToken)
    {
        // Disposed after the round: disposing a timer cancels its running callback. Requests wait for the callback.
        try
        {
            await RunAsync(cancellationToken);
        }
        finally
        {
            _requested?.Dispose();
            _requested = null;
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (MoveToSchedulerSilo())
        {
            return;
        }

        await RunAsync(cancellationToken);
    }

    private async Task<PlacementReport> RunAsync(CancellationToken cancellationToken)
    {
        _lastRun = clock.GetUtcNow();
        var report = await _controller.ReconcileAsync(cancellationToken);
        if (report.Error is { } error)
        {
            LogRoundFailed(logger, error);
        }

        foreach (var d in report.Decisions)
        {
            if (d.Outcome == ActuationOutcome.Failed)
            {
                LogDecisionFailed(logger, d.Kind, d.Target, d.Node, d.Reason, d.Detail);
            }
            else if (d.Outcome != ActuationOutcome.None)
            {
                LogDecision(logger, d.Kind, d.Target, d.Node, d.Reason, d.Outcome, d.Detail);
            }
        }

        return report;
    }

    /// <summary>On a silo without the scheduler role while one with it is active: migrate there (the filter places it).</summary>
    private bool MoveToSchedulerSilo()
    {
        var director = new SchedulerSiloPlacementFilterDirector(services);
        if (director.IsScheduler(silo.SiloAddress))
        {
            return false;
        }

        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
        if (!active.Any(director.IsScheduler))
        {
            return false;
        }

        LogMovingToScheduler(logger, silo.Name);
        this.MigrateOnIdle();
        return true;
    }

    private static void ValidateKpi(KpiSample sample)
    {
        if (sample is null)
        {
            throw new CoordinationValidationException("sample", "is required");
        }

        if (!WorkloadKey.TryParse(sample.Workload, out _))
        {
            throw new CoordinationValidationException("sample.workload", $"'{sample.Workload}' is not namespace/name");
        }

        if (string.IsNullOrWhiteSpace(sample.Kpi))
        {
            throw new CoordinationValidationException("sample.kpi", "must not be empty");
        }

        if (!double.IsFinite(sample.Value) || sample.Value < 0)
        {
            throw new CoordinationValidationException("sample.value", "must be a finite number >= 0");
        }

        if (string.IsNullOrEmpty(sample.Source))
        {
            throw new CoordinationValidationException("sample.source", "is required");
        }
    }
}
