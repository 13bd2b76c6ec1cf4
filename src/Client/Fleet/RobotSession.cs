using System.Threading.Channels;
using Coordination.Client.Connection;
using Coordination.Common;
using Coordination.Fleet;
using Orleans;
using Orleans.Runtime;

namespace Coordination.Client.Fleet;

/// <summary>
/// What robot software uses to talk to its twin: registers, streams telemetry, reports task progress and receives
/// commands (assignment, path, cancel) as an <see cref="IAsyncEnumerable{T}"/>. The command subscription is renewed on
/// a schedule and at once when the twin says it has no observer (e.g. re-activated after a silo failure); on every
/// renewal the session compares the twin's current assignment and path with what it delivered and replays what it
/// missed. Calls that cannot reach the cluster throw <see cref="ClusterUnreachableException"/> and move
/// <see cref="State"/> to <see cref="RobotSessionState.Unreachable"/> (see <see cref="StateChanged"/>).
/// </summary>
public sealed class RobotSession : IAsyncDisposable
{
    private readonly IClusterClient _cluster;
    private readonly RobotSessionOptions _options;
    private readonly IRobotGrain _grain;
    private readonly RobotCommandReceiver _receiver;
    private readonly IRobotCommandObserver _observer;
    private readonly Channel<RobotCommand> _commands;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _renewNow = new(0, 1);
    private readonly Lock _lock = new();
    private Task _renewal = Task.CompletedTask;
    private string? _deliveredTaskId;
    private (long PlanId, long StartStep)? _deliveredPath;
    private RobotSessionState _state = RobotSessionState.Connecting;
    private TimeSpan _renewEvery;
    private long _replayed;

    private RobotSession(IClusterClient cluster, string robotId, RobotRegistration registration, RobotSessionOptions options)
    {
        _cluster = cluster;
        _options = options;
        RobotId = robotId;
        Registration = registration;
        _grain = cluster.GetGrain<IRobotGrain>(robotId);
        _receiver = new RobotCommandReceiver(Deliver);
        _observer = cluster.CreateObjectReference<IRobotCommandObserver>(_receiver);
        _commands = Channel.CreateBounded<RobotCommand>(new BoundedChannelOptions(Math.Max(1, options.CommandBufferCapacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
        _renewEvery = options.ResubscribeInterval;
    }

    public string RobotId { get; }

    public RobotRegistration Registration { get; }

    /// <summary>The summary the twin returned at the last registration.</summary>
    public RobotSummary? Summary { get; private set; }

    public RobotSessionState State => _state;

    /// <summary>The error that made the session unreachable last.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Commands re-created from the twin's state after a resubscription (missed while unsubscribed).</summary>
    public long ReplayedCommands => Interlocked.Read(ref _replayed);

    /// <summary>Successful (re)subscriptions so far.</summary>
    public long Subscriptions { get; private set; }

    public event EventHandler<RobotSessionStateChangedEventArgs>? StateChanged;

    /// <summary>The commands for the robot, in arrival order (one reader, or several competing ones).</summary>
    public ChannelReader<RobotCommand> Commands => _commands.Reader;

    /// <summary>Opens a session over a connected <see cref="CoordinationClient"/>.</summary>
    public static Task<RobotSession> StartAsync(
        CoordinationClient client,
        string robotId,
        RobotRegistration registration,
        RobotSessionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return StartAsync(client.Cluster, robotId, registration, options, cancellationToken);
    }

    /// <summary>Registers the robot, subscribes to its commands and starts renewing the subscription.</summary>
    public static async Task<RobotSession> StartAsync(
        IClusterClient cluster,
        string robotId,
        RobotRegistration registration,
        RobotSessionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentException.ThrowIfNullOrEmpty(robotId);
        ArgumentNullException.ThrowIfNull(registration);
        var session = new RobotSession(cluster, robotId, registration, options ?? new RobotSessionOptions());
        try
        {
            await session.RegisterAsync(cancellationToken);
            await session.SubscribeAsync(cancellationToken);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        session._renewal = Task.Run(session.RenewLoopAsync, CancellationToken.None);
        return session;
    }

    /// <summary>The commands as an async stream; ends when the session is disposed.</summary>
    public IAsyncEnumerable<RobotCommand> ReadCommandsAsync(CancellationToken cancellationToken = default) =>
        _commands.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Sends one sample and waits for the twin's answer. A bad sample throws <see cref="CoordinationValidationException"/>
    /// (the cluster was reached); an unreachable cluster throws <see cref="ClusterUnreachableException"/>.
    /// </summary>
    public async Task<TelemetryAck> ReportTelemetryAsync(RobotTelemetry telemetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var ack = await CallAsync(() => _grain.ReportTelemetry(telemetry), reRegister: true, cancellationToken);
        if (!ack.CommandObserverPresent)
        {
            RenewSoon();
        }

        return ack;
    }

    /// <summary>Reports progress of the current task (forwarded by the twin to the mission).</summary>
    public async Task ReportTaskProgressAsync(TaskProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await CallAsync(async () =>
        {
            await _grain.ReportTaskProgress(progress);
            return true;
        }, reRegister: false, cancellationToken);
        if (progress.Kind is TaskProgressKind.Completed or TaskProgressKind.Failed)
        {
            lock (_lock)
            {
                if (_deliveredTaskId == progress.TaskId)
                {
                    _deliveredTaskId = null;
                    _deliveredPath = null;
                }
            }
        }
    }

    /// <summary>Renews the command subscription now (also done on a schedule).</summary>
    public Task ResubscribeAsync(CancellationToken cancellationToken = default) => SubscribeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_state == RobotSessionState.Closed)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _renewal;
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await _grain.Unsubscribe(_observer).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The twin forgets an observer whose lease runs out anyway.
        }

        _cluster.DeleteObjectReference<IRobotCommandObserver>(_observer);
        _commands.Writer.TryComplete();
        SetState(RobotSessionState.Closed, null);
        _stop.Dispose();
        _renewNow.Dispose();
    }

    private async Task RegisterAsync(CancellationToken cancellationToken) =>
        Summary = await CallAsync(() => _grain.Register(Registration), reRegister: false, cancellationToken);

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscription = await CallAsync(() => _grain.Subscribe(_observer), reRegister: true, cancellationToken);
        Subscriptions++;
        var third = subscription.Lease / 3;
        _renewEvery = third > TimeSpan.Zero && third < _options.ResubscribeInterval ? third : _options.ResubscribeInterval;
        Reconcile(subscription);
    }

    private async Task RenewLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _renewNow.WaitAsync(_renewEvery, token);
                await SubscribeAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // State already says why; try again soon.
                try
                {
                    await Task.Delay(_options.RetryDelay, token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                RenewSoon();
            }
        }
    }

    private void RenewSoon()
    {
        try
        {
            if (_renewNow.CurrentCount == 0)
            {
                _renewNow.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Runs a call with the robot's zone in the request context (so an activation it triggers lands in the zone),
    /// a timeout, state tracking, and one re-registration when the twin lost the registration.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, bool reRegister, CancellationToken cancellationToken)
    {
        if (Registration.Zone.Length > 0)
        {
            RequestContext.Set(FleetRequestContext.ZoneKey, Registration.Zone);
            RequestContext.Set(FleetRequestContext.RobotKey, RobotId);
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await call().WaitAsync(_options.CallTimeout, cancellationToken);
                SetState(RobotSessionState.Connected, null);
                return result;
            }
            catch (CoordinationValidationException e) when (reRegister && attempt == 0 && e.Field == "robot")
            {
                // The twin lost its registration (e.g. in-memory storage on a silo that died): register again, retry once.
                Summary = await CallAsync(() => _grain.Register(Registration), reRegister: false, cancellationToken);
            }
            catch (CoordinationValidationException)
            {
                SetState(RobotSessionState.Connected, null);
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException and not ArgumentException)
            {
                SetState(RobotSessionState.Unreachable, e);
                throw new ClusterUnreachableException($"robot {RobotId}: cannot reach the cluster: {e.Message}", e);
            }
        }
    }

    private void Deliver(RobotCommand command)
    {
        lock (_lock)
        {
            switch (command.Kind)
            {
                case RobotCommandKind.Assign when command.Assignment is { } assignment:
                    if (!command.Replayed && _deliveredTaskId == assignment.TaskId)
                    {
                        return;
                    }

                    _deliveredTaskId = assignment.TaskId;
                    break;
                case RobotCommandKind.Cancel:
                    if (_deliveredTaskId == command.TaskId)
                    {
                        _deliveredTaskId = null;
                        _deliveredPath = null;
                    }

                    break;
                case RobotCommandKind.FollowPath when command.Path is { } path:
                    _deliveredPath = (path.PlanId, path.StartStep);
                    break;
            }

            _commands.Writer.TryWrite(command);
        }
    }

    private void Reconcile(RobotSubscription subscription)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            if (subscription.CurrentAssignment is { } assignment && assignment.TaskId != _deliveredTaskId)
            {
                Replay(new RobotCommand(0, RobotCommandKind.Assign, RobotId, assignment, null, assignment.TaskId, null, now, Replayed: true));
            }
            else if (subscription.CurrentAssignment is null && _deliveredTaskId is { } dropped)
            {
                Replay(new RobotCommand(0, RobotCommandKind.Cancel, RobotId, null, null, dropped, "the twin no longer assigns this task (changed while the session was not subscribed)", now, Replayed: true));
            }

            if (subscription.CurrentPath is { } path && (path.PlanId, path.StartStep) != _deliveredPath)
            {
                Replay(new RobotCommand(0, RobotCommandKind.FollowPath, RobotId, null, path, subscription.CurrentAssignment?.TaskId, null, now, Replayed: true));
            }
        }
    }

    private void Replay(RobotCommand command)
    {
        Interlocked.Increment(ref _replayed);
        Deliver(command);
    }

    private void SetState(RobotSessionState state, Exception? error)
    {
        RobotSessionState previous;
        lock (_lock)
        {
            previous = _state;
            if (previous == state || previous == RobotSessionState.Closed)
            {
                return;
            }

            _state = state;
            if (error is not null)
            {
                LastError = error;
            }
        }

        StateChanged?.Invoke(this, new RobotSessionStateChangedEventArgs(previous, state, error));
    }
}
