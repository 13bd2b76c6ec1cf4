using System.Diagnostics.Metrics;
using Coordination.Common;
using Coordination.Hosting;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Coordination.Fleet;

/// <summary>
/// The digital twin of one robot. Durable facts (registration, assignment, offline) are written at once; live
/// telemetry is kept in memory and checkpointed at most once per <see cref="FleetOptions.CheckpointInterval"/>.
/// A grain timer marks the robot offline after missed heartbeats, counted from its last sample or, until it
/// reports, from its registration (a robot that registers and falls silent must not look available forever).
/// </summary>
[ZonePlacement]
public sealed partial class RobotGrain : Grain, IRobotGrain
{
    private static readonly Counter<long> Accepted = CoordinationInstruments.Meter.CreateCounter<long>("coordination.fleet.telemetry.accepted", description: "Telemetry samples accepted by robot twins");
    private static readonly Counter<long> Rejected = CoordinationInstruments.Meter.CreateCounter<long>("coordination.fleet.telemetry.rejected", description: "Telemetry samples rejected by robot twins");
    private static readonly Counter<long> Checkpoints = CoordinationInstruments.Meter.CreateCounter<long>("coordination.fleet.checkpoints", description: "Robot twin state writes");

    private static readonly TelemetryAck[] Acks = Enum.GetValues<RobotStatus>()
        .OrderBy(v => (int)v)
        .SelectMany(v => new[] { new TelemetryAck(v, false), new TelemetryAck(v, true) })
        .ToArray();

    private readonly IPersistentState<RobotState> _state;
    private readonly TimeProvider _clock;
    private readonly FleetOptions _options;
    private readonly IWorldBounds _bounds;
    private readonly IFleetPublisher _publisher;
    private readonly RobotZoneDirectory _zones;
    private readonly ILogger<RobotGrain> _logger;
    private readonly RobotCommandObservers _observers;
    private readonly string _hostSilo;
    private readonly string _hostZone;
    private RobotPath? _path;
    private double _linearVelocity;
    private double _angularVelocity;
    private bool _dirty;
    private long _accepted;
    private long _rejected;
    private long _sequence;
    private (RobotStatus Status, int Band, GridCell? Cell, string? TaskId)? _announced;
    private GridCell? _lastMovedCell;

    public RobotGrain(
        [PersistentState("robot", CoordinationStorage.Name)] IPersistentState<RobotState> state,
        TimeProvider clock,
        IOptions<FleetOptions> options,
        IWorldBounds bounds,
        IFleetPublisher publisher,
        RobotZoneDirectory zones,
        ILocalSiloDetails silo,
        IServiceProvider services,
        ILogger<RobotGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(silo);
        _state = state;
        _clock = clock;
        _options = options.Value;
        _bounds = bounds;
        _publisher = publisher;
        _zones = zones;
        _logger = logger;
        _observers = new RobotCommandObservers(clock, _options.CommandObserverLease);
        _hostSilo = silo.SiloAddress.ToParsableString();
        var metadata = services.GetService<ISiloMetadataCache>()?.GetSiloMetadata(silo.SiloAddress);
        _hostZone = metadata is not null && metadata.Metadata.TryGetValue(ZonePlacement.ZoneMetadataKey, out var zone) ? zone : string.Empty;
    }

    private string RobotId => this.GetPrimaryKeyString();

    private RobotState S => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // One housekeeping timer per twin: offline detection (within half the offline threshold) and checkpoints.
        // It does not keep the twin active: every robot call (registration included) does, for the collection age,
        // far longer than the offline threshold; a twin activated again checks the persisted times at its first tick.
        var period = _options.OfflineAfter / 2;
        if (period > _options.CheckpointInterval)
        {
            period = _options.CheckpointInterval;
        }

        this.RegisterGrainTimer(Housekeeping, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
        if (S.Registration is { } registration)
        {
            _zones.Remember(RobotId, registration.Zone);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            try
            {
                await WriteAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogCheckpointFailed(_logger, RobotId, e.Message);
            }
        }
    }

    public async Task<RobotSummary> Register(RobotRegistration registration)
    {
        RobotRegistrationValidator.Validate(registration);
        S.Registration = registration;
        S.RegisteredAt = _clock.GetUtcNow();
        if (S.Status is RobotStatus.Uninitialized or RobotStatus.Offline)
        {
            S.Status = S.CurrentAssignment is null ? RobotStatus.Idle : RobotStatus.Working;
        }

        await WriteAsync();
        _zones.Remember(RobotId, registration.Zone);
        var summary = Summarize()!;
        await GrainFactory.GetGrain<IFleetIndexGrain>(FleetIndex.Key).Upsert(summary);
        Announce(summary, force: true);
        LogRegistered(_logger, RobotId, registration.Model, registration.WorldId, registration.Zone);
        return summary;
    }

    public Task<RobotSummary?> GetSummary() => Task.FromResult(Summarize());

    public Task<TelemetryAck> ReportTelemetry(RobotTelemetry telemetry)
    {
        var registration = S.Registration;
        try
        {
            if (registration is null)
            {
                throw new CoordinationValidationException("robot", $"'{RobotId}' is not registered (call Register first)");
            }

            RobotTelemetryValidator.Validate(telemetry, registration.WorldId, _bounds.Find(registration.WorldId), S.LastTelemetryAt, _options.MaxTelemetryPayloadBytes);
        }
        catch (CoordinationValidationException e)
        {
            _rejected++;
            Rejected.Add(1);
            LogRejected(_logger, RobotId, e.Message);
            throw;
        }

        var now = _clock.GetUtcNow();
        var cameBack = S.Status == RobotStatus.Offline;
        S.X = telemetry.X;
        S.Y = telemetry.Y;
        S.Heading = telemetry.Heading;
        S.HasPose = true;
        S.BatteryPercent = telemetry.BatteryPercent;
        S.ReportedStatus = telemetry.Status;
        S.LastTelemetryAt = telemetry.Timestamp;
        S.LastSeenAt = now;
        S.Status = Effective(telemetry.Status);
        _linearVelocity = telemetry.LinearVelocity;
        _angularVelocity = telemetry.AngularVelocity;
        _dirty = true;
        _accepted++;
        Accepted.Add(1);
        if (cameBack)
        {
            LogBack(_logger, RobotId, S.Status);
        }

        var cell = RobotTelemetryValidator.CellOf(telemetry.X, telemetry.Y);
        if (_lastMovedCell != cell)
        {
            _lastMovedCell = cell;
            _publisher.RobotMoved(registration.WorldId, new RobotPosition(RobotId, cell, now));
        }

        AnnounceIfChanged();
        return Task.FromResult(Ack(S.Status, _observers.Count > 0));
    }

    public Task<RobotTwinState> GetState()
    {
        var pose = S.HasPose ? new RobotPose(S.X, S.Y, S.Heading) : null;
        return Task.FromResult(new RobotTwinState(
            RobotId,
            S.Registration,
            S.Status,
            pose,
            _linearVelocity,
            _angularVelocity,
            S.BatteryPercent,
            S.LastTelemetryAt,
            S.LastSeenAt,
            S.CurrentAssignment,
            _path,
            S.CheckpointedAt,
            _accepted,
            _rejected,
            _observers.Count,
            _hostSilo,
            _hostZone));
    }

    public async Task Assign(RobotAssignment assignment)
    {
        var registration = RequireRegistration();
        RobotWorkValidator.Validate(assignment, registration.WorldId, _bounds.Find(registration.WorldId));
        if (S.Status is RobotStatus.Offline or RobotStatus.Shutdown)
        {
            throw new CoordinationValidationException("robot.status", $"'{RobotId}' is {Vocabulary(S.Status)} and cannot take task '{assignment.TaskId}'");
        }

        var previous = S.CurrentAssignment;
        S.CurrentAssignment = assignment;
        if (S.Status is RobotStatus.Idle or RobotStatus.Uninitialized)
        {
            S.Status = RobotStatus.Working;
        }

        if (previous is not null && previous.TaskId != assignment.TaskId)
        {
            _path = null;
        }

        await WriteAsync();
        LogAssigned(_logger, RobotId, assignment.TaskId, assignment.MissionId);
        Command(RobotCommandKind.Assign, assignment, null, assignment.TaskId, null);
        AnnounceIfChanged();
    }

    public async Task<bool> CancelAssignment(string taskId, string reason)
    {
        if (S.CurrentAssignment is not { } current || !string.Equals(current.TaskId, taskId, StringComparison.Ordinal))
        {
            return false;
        }

        await ClearAssignmentAsync();
        LogCancelled(_logger, RobotId, taskId, reason);
        Command(RobotCommandKind.Cancel, null, null, taskId, reason);
        AnnounceIfChanged();
        return true;
    }

    public Task FollowPath(RobotPath path)
    {
        var registration = RequireRegistration();
        RobotWorkValidator.Validate(path, registration.WorldId, _bounds.Find(registration.WorldId));
        _path = path;
        Command(RobotCommandKind.FollowPath, null, path, S.CurrentAssignment?.TaskId, null);
        return Task.CompletedTask;
    }

    public Task<RobotAssignment?> GetCurrentAssignment() => Task.FromResult(S.CurrentAssignment);

    public async Task ReportTaskProgress(TaskProgress progress)
    {
        RequireRegistration();
        RobotWorkValidator.Validate(progress, S.CurrentAssignment);
        await _publisher.TaskProgressed(RobotId, progress);

        // The mission may have re-assigned the robot meanwhile (reentrant call chain): clear only the reported task.
        if (progress.Kind is TaskProgressKind.Completed or TaskProgressKind.Failed
            && S.CurrentAssignment is { } current
            && string.Equals(current.TaskId, progress.TaskId, StringComparison.Ordinal))
        {
            await ClearAssignmentAsync();
            LogTaskEnded(_logger, RobotId, progress.TaskId, progress.Kind);
            AnnounceIfChanged();
        }
    }

    public Task<RobotSubscription> Subscribe(IRobotCommandObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        RequireRegistration();
        _observers.Subscribe(observer);
        return Task.FromResult(new RobotSubscription(_observers.Lease, S.CurrentAssignment, _path, S.Status));
    }

    public Task Unsubscribe(IRobotCommandObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Acks are immutable and few: one cached instance per status and observer presence.</summary>
    private static TelemetryAck Ack(RobotStatus status, bool observed)
    {
        var index = ((int)status * 2) + (observed ? 1 : 0);
        return (uint)index < (uint)Acks.Length ? Acks[index] : new TelemetryAck(status, observed);
    }

    private RobotRegistration RequireRegistration() =>
        S.Registration ?? throw new CoordinationValidationException("robot", $"'{RobotId}' is not registered (call Register first)");

    private RobotStatus Effective(RobotStatus reported) =>
        reported == RobotStatus.Idle && S.CurrentAssignment is not null ? RobotStatus.Working : reported;

    private async Task ClearAssignmentAsync()
    {
        S.CurrentAssignment = null;
        _path = null;
        if (S.Status == RobotStatus.Working)
        {
            S.Status = RobotStatus.Idle;
        }

        await WriteAsync();
    }

    private void Command(RobotCommandKind kind, RobotAssignment? assignment, RobotPath? path, string? taskId, string? reason)
    {
        var command = new RobotCommand(++_sequence, kind, RobotId, assignment, path, taskId, reason, _clock.GetUtcNow());
        _observers.Notify(command);
    }

    private async Task Housekeeping(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var silence = now - LastSignOfLife();
        if (S.Registration is not null
            && S.Status is not (RobotStatus.Offline or RobotStatus.Shutdown or RobotStatus.Uninitialized)
            && silence > _options.OfflineAfter)
        {
            S.Status = RobotStatus.Offline;
            LogOffline(_logger, RobotId, silence.TotalSeconds, S.CurrentAssignment?.TaskId ?? "-");
            await WriteAsync();
            AnnounceIfChanged();
            return;
        }

        if (_dirty && (S.CheckpointedAt is not { } last || now - last >= _options.CheckpointInterval))
        {
            await WriteAsync();
        }
    }

    /// <summary>
    /// The robot was last heard from when it last reported or (re-)registered, whichever came later: registration
    /// starts the heartbeat count, so a robot silent since registering goes offline like one that stopped reporting.
    /// </summary>
    private DateTimeOffset LastSignOfLife() =>
        S.LastSeenAt is { } seen && seen > S.RegisteredAt ? seen : S.RegisteredAt;

    private async Task WriteAsync()
    {
        S.CheckpointedAt = _clock.GetUtcNow();
        _dirty = false;
        try
        {
            await _state.WriteStateAsync();
            Checkpoints.Add(1);
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    private void AnnounceIfChanged()
    {
        if (S.Registration is null)
        {
            return;
        }

        // Compare without building a summary: most samples change nothing the dispatcher cares about.
        GridCell? cell = S.HasPose ? RobotTelemetryValidator.CellOf(S.X, S.Y) : null;
        if (_announced == (S.Status, Band(S.BatteryPercent), cell, S.CurrentAssignment?.TaskId))
        {
            return;
        }

        Announce(Summarize()!, force: false);
    }

    private void Announce(RobotSummary summary, bool force)
    {
        var key = (summary.Status, Band(summary.BatteryPercent), summary.Cell, summary.CurrentTaskId);
        if (!force && _announced == key)
        {
            return;
        }

        _announced = key;
        _publisher.RobotUpdated(summary);
    }

    private int Band(double battery) => (int)Math.Floor(battery / _options.BatteryBandPercent);

    private RobotSummary? Summarize()
    {
        var r = S.Registration;
        return r is null
            ? null
            : new RobotSummary(
                RobotId,
                r.Model,
                S.Status,
                r.Capabilities,
                r.Zone,
                r.WorldId,
                S.BatteryPercent,
                _clock.GetUtcNow(),
                S.HasPose ? RobotTelemetryValidator.CellOf(S.X, S.Y) : null,
                S.CurrentAssignment?.TaskId);
    }

    /// <summary>The status as fleet managers write it (<c>idle</c>, <c>offline</c>, ...).</summary>
    public static string Vocabulary(RobotStatus status) => status.ToString().ToLowerInvariant();
}
