using System.Collections.Concurrent;
using System.Threading.Channels;
using Coordination.Common;
using Coordination.Fleet;

namespace Coordination.Tests.Missions;

/// <summary>
/// A small robot for tests, talking to its real twin the way robot software does: registers, sends telemetry
/// every 100 ms, takes commands through an observer and reports task progress. It drives by jumping from waypoint
/// to waypoint; with <see cref="Hold"/> it starts tasks but does not finish them until <see cref="Release"/>.
/// <see cref="Silent"/> stops its telemetry (its twin then marks it offline).
/// </summary>
internal sealed class TestRobot : IRobotCommandObserver, IAsyncDisposable
{
    private readonly IClusterClient _client;
    private readonly Channel<RobotCommand> _commands = Channel.CreateUnbounded<RobotCommand>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RobotCommand> _received = new();
    private readonly ConcurrentQueue<string> _completed = new();
    private readonly SemaphoreSlim _released = new(0);
    private readonly Lock _lock = new();
    private IRobotCommandObserver? _reference;
    private Task _telemetry = Task.CompletedTask;
    private Task _work = Task.CompletedTask;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;
    private RobotAssignment? _current;

    public TestRobot(IClusterClient client, string robotId, string worldId, GridCell start, double battery = 90, params string[] capabilities)
    {
        _client = client;
        RobotId = robotId;
        WorldId = worldId;
        Cell = start;
        Battery = battery;
        Capabilities = capabilities;
    }

    public string RobotId { get; }

    public string WorldId { get; }

    public IReadOnlyList<string> Capabilities { get; }

    public GridCell Cell { get; set; }

    public double Battery { get; set; }

    /// <summary>What the robot reports as its status when it has no task (e.g. <see cref="RobotStatus.Charging"/> to stay unavailable).</summary>
    public RobotStatus IdleStatus { get; set; } = RobotStatus.Idle;

    public bool Hold { get; set; }

    public bool Silent { get; set; }

    public IReadOnlyList<RobotCommand> Received => [.. _received];

    public IReadOnlyList<string> Completed => [.. _completed];

    public string? CurrentTaskId
    {
        get
        {
            lock (_lock)
            {
                return _current?.TaskId;
            }
        }
    }

    private IRobotGrain Twin => _client.GetGrain<IRobotGrain>(RobotId);

    public static async Task<TestRobot> StartAsync(
        IClusterClient client, string robotId, string worldId, GridCell start, double battery = 90, params string[] capabilities)
    {
        var robot = new TestRobot(client, robotId, worldId, start, battery, capabilities);
        await robot.StartAsync();
        return robot;
    }

    public async Task StartAsync()
    {
        await Twin.Register(new RobotRegistration("test-amr", Capabilities, "/" + RobotId, WorldId, 1.0, string.Empty));
        _reference = _client.CreateObjectReference<IRobotCommandObserver>(this);
        await Twin.Subscribe(_reference);
        await SendTelemetry();
        _telemetry = Task.Run(TelemetryLoop);
        _work = Task.Run(WorkLoop);
    }

    /// <summary>Lets a held task finish.</summary>
    public void Release() => _released.Release();

    public Task OnCommand(RobotCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _received.Enqueue(command);
        if (command.Kind == RobotCommandKind.Cancel)
        {
            // Handled at once: the work loop may be busy with the very task being cancelled.
            lock (_lock)
            {
                if (_current?.TaskId == command.TaskId)
                {
                    _current = null;
                }
            }
        }
        else
        {
            _commands.Writer.TryWrite(command);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _commands.Writer.TryComplete();
        _released.Release(100);
        try
        {
            await Task.WhenAll(_telemetry, _work);
        }
        catch (OperationCanceledException)
        {
        }

        if (_reference is not null)
        {
            _client.DeleteObjectReference<IRobotCommandObserver>(_reference);
        }

        _stop.Dispose();
    }

    private async Task TelemetryLoop()
    {
        var tick = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, _stop.Token);
                if (Silent)
                {
                    continue;
                }

                var ack = await SendTelemetry();
                if (!ack.CommandObserverPresent || ++tick % 10 == 0)
                {
                    var subscription = await Twin.Subscribe(_reference!);
                    CatchUp(subscription.CurrentAssignment);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A silo went away: keep trying, as robot software would.
            }
        }
    }

    /// <summary>After resubscribing, take an assignment whose command was missed.</summary>
    private void CatchUp(RobotAssignment? assignment)
    {
        lock (_lock)
        {
            if (assignment is not null && _current?.TaskId != assignment.TaskId)
            {
                _commands.Writer.TryWrite(new RobotCommand(0, RobotCommandKind.Assign, RobotId, assignment, null, assignment.TaskId, null, DateTimeOffset.UtcNow, true));
            }
        }
    }

    private Task<TelemetryAck> SendTelemetry()
    {
        DateTimeOffset stamp;
        lock (_lock)
        {
            stamp = DateTimeOffset.UtcNow;
            if (stamp <= _lastStamp)
            {
                stamp = _lastStamp.AddTicks(1);
            }

            _lastStamp = stamp;
        }

        var status = _current is null ? IdleStatus : RobotStatus.Working;
        return Twin.ReportTelemetry(new RobotTelemetry(Cell.X, Cell.Y, 0, 0, 0, Battery, status, stamp));
    }

    private async Task WorkLoop()
    {
        try
        {
            await foreach (var command in _commands.Reader.ReadAllAsync(_stop.Token))
            {
                if (command.Kind != RobotCommandKind.Assign || command.Assignment is not { } assignment)
                {
                    continue;
                }

                lock (_lock)
                {
                    if (_current?.TaskId == assignment.TaskId)
                    {
                        continue;
                    }

                    _current = assignment;
                }

                await Run(assignment);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Run(RobotAssignment assignment)
    {
        if (!await Report(assignment, TaskProgressKind.Started, 0))
        {
            return;
        }

        if (Hold)
        {
            // Wait for the test to let the task finish (or for a cancel, seen as the current task changing).
            while (!_stop.IsCancellationRequested && CurrentTaskId == assignment.TaskId && !await _released.WaitAsync(50))
            {
            }
        }

        for (var i = 0; i < assignment.Waypoints.Count; i++)
        {
            if (CurrentTaskId != assignment.TaskId)
            {
                return;
            }

            Cell = assignment.Waypoints[i];
            if (!await Report(assignment, TaskProgressKind.WaypointReached, i))
            {
                return;
            }
        }

        if (assignment.Kind == "charge")
        {
            Battery = 100;
        }

        if (await Report(assignment, TaskProgressKind.Completed, Math.Max(0, assignment.Waypoints.Count - 1)))
        {
            _completed.Enqueue(assignment.TaskId);
        }

        lock (_lock)
        {
            if (_current?.TaskId == assignment.TaskId)
            {
                _current = null;
            }
        }
    }

    /// <summary>Reports progress, retrying while the cluster cannot be reached; false once the twin says the task is not this robot's any more.</summary>
    private async Task<bool> Report(RobotAssignment assignment, TaskProgressKind kind, int waypoint)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (CurrentTaskId != assignment.TaskId)
            {
                return false;
            }

            try
            {
                await Twin.ReportTaskProgress(new TaskProgress(assignment.TaskId, assignment.MissionId, kind, waypoint, null, DateTimeOffset.UtcNow));
                return true;
            }
            catch (CoordinationValidationException)
            {
                lock (_lock)
                {
                    if (_current?.TaskId == assignment.TaskId)
                    {
                        _current = null;
                    }
                }

                return false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        return false;
    }
}
