using Coordination.Common;
using Coordination.Hosting;
using Coordination.Nodes.Tegrastats;
using Coordination.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Nodes;

/// <summary>
/// The twin of one Jetson compute node: profile and tier from the catalog, the last tegrastats sample in memory, and
/// health (persisted when it changes). Tells the placement grain on every health change and at most once per
/// <see cref="NodeOptions.PlacementUpdateInterval"/> otherwise; a grain timer turns silence into <c>not-ready</c>.
/// </summary>
public sealed partial class ComputeNodeGrain(
    [PersistentState("compute-node", CoordinationStorage.Name)] IPersistentState<ComputeNodeState> state,
    TimeProvider clock,
    IOptions<NodeOptions> options,
    INodePublisher publisher,
    ILogger<ComputeNodeGrain> logger) : Grain, IComputeNodeGrain
{
    private readonly NodeOptions _options = options.Value;
    private TegrastatsSample? _sample;
    private NodeSignals? _signals;
    private DateTimeOffset? _lastReportAt;
    private DateTimeOffset _lastPublishedAt;
    private long _reports;

    private string NodeName => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(CheckReports, new GrainTimerCreationOptions(_options.ReportPeriod, _options.ReportPeriod) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public async Task<ComputeNodeStatus> Register(ComputeNodeRegistration registration)
    {
        ComputeNodeValidator.Validate(registration);
        state.State.Registration = registration;
        state.State.RegisteredAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        LogRegistered(logger, NodeName, registration.ProfileId, registration.Zone);
        Publish(clock.GetUtcNow());
        return Status();
    }

    public Task<ComputeNodeStatus> ReportTegrastats(string line)
    {
        if (line is null)
        {
            throw new CoordinationValidationException("tegrastats", "a line is required");
        }

        if (line.Length > ComputeNodeValidator.MaxLineLength)
        {
            throw new CoordinationValidationException("tegrastats", $"line longer than {ComputeNodeValidator.MaxLineLength} characters");
        }

        TegrastatsSample sample;
        try
        {
            sample = TegrastatsParser.Parse(line);
        }
        catch (TegrastatsFormatException e)
        {
            throw new CoordinationValidationException("tegrastats", e.Message);
        }

        return ReportSample(sample);
    }

    public async Task<ComputeNodeStatus> ReportSample(TegrastatsSample sample)
    {
        if (state.State.Registration is null)
        {
            throw new CoordinationValidationException("node", $"'{NodeName}' is not registered (call Register first)");
        }

        ComputeNodeValidator.Validate(sample);
        var now = clock.GetUtcNow();
        _sample = sample;
        _signals = NodeSignals.From(sample);
        _lastReportAt = now;
        _reports++;
        await Evaluate(now, forcePublish: false);
        return Status();
    }

    public Task<ComputeNodeStatus> GetStatus() => Task.FromResult(Status());

    public Task<NodeSnapshot?> GetSnapshot() => Task.FromResult(Snapshot(clock.GetUtcNow()));

    private Task CheckReports(CancellationToken cancellationToken) =>
        state.State.Registration is null ? Task.CompletedTask : Evaluate(clock.GetUtcNow(), forcePublish: false);

    private async Task Evaluate(DateTimeOffset now, bool forcePublish)
    {
        var (health, reason) = NodeHealthEvaluator.Evaluate(state.State.Health, _signals, _lastReportAt, Budget(), now, _options);
        if (health == NodeHealth.Unknown && state.State.Health != NodeHealth.Unknown && _lastReportAt is null)
        {
            // A fresh activation has no sample yet: keep the persisted health until the node reports or stays silent.
            if (now - state.State.RegisteredAt > _options.NotReadyAfter && state.State.Health != NodeHealth.NotReady)
            {
                (health, reason) = (NodeHealth.NotReady, "no report since the twin was activated");
            }
            else
            {
                return;
            }
        }

        var changed = health != state.State.Health;
        state.State.HealthReason = reason;
        if (changed)
        {
            LogHealth(logger, NodeName, state.State.Health, health, reason);
            state.State.Health = health;
            await state.WriteStateAsync();
        }

        if (changed || forcePublish || (_lastReportAt == now && now - _lastPublishedAt >= _options.PlacementUpdateInterval))
        {
            Publish(now);
        }
    }

    private void Publish(DateTimeOffset now)
    {
        if (Snapshot(now) is { } snapshot)
        {
            _lastPublishedAt = now;
            publisher.NodeUpdated(snapshot);
        }
    }

    private double Budget()
    {
        var registration = state.State.Registration;
        return registration?.PowerBudgetWatts ?? HardwareProfileCatalog.Find(registration?.ProfileId)?.MaxPowerWatts ?? 0;
    }

    private ComputeNodeStatus Status()
    {
        var registration = state.State.Registration;
        var profile = HardwareProfileCatalog.Find(registration?.ProfileId);
        var s = _signals;
        return new ComputeNodeStatus(
            NodeName,
            profile,
            registration?.Zone ?? string.Empty,
            state.State.Health,
            state.State.HealthReason,
            s?.GpuUtilization ?? 0,
            s?.CpuUtilization ?? 0,
            s?.MemoryPressure ?? 0,
            s?.TemperatureC ?? 0,
            s?.PowerWatts ?? 0,
            Budget(),
            _sample,
            _lastReportAt,
            _reports);
    }

    private NodeSnapshot? Snapshot(DateTimeOffset now)
    {
        var registration = state.State.Registration;
        var profile = HardwareProfileCatalog.Find(registration?.ProfileId);
        if (registration is null || profile is null)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(registration.Labels, StringComparer.Ordinal);
        if (registration.Zone.Length > 0)
        {
            labels.TryAdd(NodeIndex.ZoneLabel, registration.Zone);
        }

        labels.TryAdd("jetson/profile", profile.Id);
        var memoryTotal = _sample is { RamTotalMiB: > 0 } sample ? sample.RamTotalMiB : profile.MemoryMiB;
        return new NodeSnapshot(
            NodeName,
            profile.Id,
            profile.Tier,
            state.State.Health,
            _signals?.GpuUtilization ?? 0,
            _signals?.TemperatureC ?? 0,
            _signals?.PowerWatts ?? 0,
            Budget(),
            memoryTotal,
            _sample?.RamUsedMiB ?? 0,
            _sample is { Cpus.Count: > 0 } withCpus ? withCpus.Cpus.Count : profile.CpuCores,
            labels,
            now);
    }
}
