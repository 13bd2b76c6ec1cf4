using Coordination.Missions;
using Coordination.World;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Fleet;

/// <summary>
/// The default <see cref="IFleetPublisher"/> (one per silo): dispatcher calls go out at once; fleet-index summaries
/// (latest per robot) and world positions (latest per robot, per world) are flushed by one timer, so 2,000 robots
/// at 10 Hz cost the index one call per silo per <see cref="FleetOptions.IndexFlushInterval"/> and the world model
/// one call per world per silo per <see cref="FleetOptions.WorldPositionInterval"/>.
/// </summary>
public sealed partial class GrainFleetPublisher : IFleetPublisher, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly FleetOptions _options;
    private readonly ILogger<GrainFleetPublisher> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RobotSummary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RobotPosition>> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missingImplementations = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private DateTimeOffset _lastIndexFlush;
    private int _flushing;
    private bool _disposed;

    public GrainFleetPublisher(IGrainFactory grains, TimeProvider clock, IOptions<FleetOptions> options, ILogger<GrainFleetPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _lastIndexFlush = clock.GetUtcNow();
    }

    public void RobotUpdated(RobotSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        try
        {
            _ = _grains.GetGrain<IDispatcherGrain>(summary.WorldId).RobotUpdated(summary);
        }
        catch (ArgumentException e)
        {
            MissingImplementation(nameof(IDispatcherGrain), e);
        }

        lock (_lock)
        {
            _summaries[summary.RobotId] = summary;
            EnsureTimer();
        }
    }

    public void RobotMoved(string worldId, RobotPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        lock (_lock)
        {
            if (!_positions.TryGetValue(worldId, out var world))
            {
                world = new Dictionary<string, RobotPosition>(StringComparer.Ordinal);
                _positions[worldId] = world;
            }

            world[position.RobotId] = position;
            EnsureTimer();
        }
    }

    public async Task TaskProgressed(string robotId, TaskProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);

        // The mission may call back into this robot's twin (e.g. the dispatcher assigning the next task) while the
        // twin waits for it: allow that call chain in.
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        await _grains.GetGrain<IMissionGrain>(progress.MissionId).TaskProgressed(robotId, progress);
    }

    /// <summary>Sends what is pending now (also used by tests and on shutdown).</summary>
    public void Flush() => Flush(force: true);

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void EnsureTimer()
    {
        if (_timer is null && !_disposed)
        {
            _timer = _clock.CreateTimer(_ => Flush(force: false), null, _options.WorldPositionInterval, _options.WorldPositionInterval);
        }
    }

    private void Flush(bool force)
    {
        if (Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return;
        }

        try
        {
            List<RobotSummary>? summaries = null;
            List<(string World, List<RobotPosition> Positions)>? positions = null;
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                if (_summaries.Count > 0 && (force || now - _lastIndexFlush >= _options.IndexFlushInterval))
                {
                    summaries = [.. _summaries.Values];
                    _summaries.Clear();
                    _lastIndexFlush = now;
                }

                foreach (var (world, robots) in _positions)
                {
                    if (robots.Count > 0)
                    {
                        positions ??= [];
                        positions.Add((world, [.. robots.Values]));
                        robots.Clear();
                    }
                }
            }

            if (summaries is not null)
            {
                _ = Send(nameof(IFleetIndexGrain), () => _grains.GetGrain<IFleetIndexGrain>(FleetIndex.Key).UpsertMany(summaries));
            }

            foreach (var (world, batch) in positions ?? [])
            {
                _ = Send(nameof(IWorldModelGrain), () => _grains.GetGrain<IWorldModelGrain>(world).UpdateRobotPositions(batch));
            }
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    private async Task Send(string target, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ArgumentException e)
        {
            MissingImplementation(target, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSendFailed(_logger, target, e.Message);
        }
    }

    private void MissingImplementation(string target, ArgumentException e)
    {
        lock (_missingImplementations)
        {
            if (!_missingImplementations.Add(target))
            {
                return;
            }
        }

        LogNoImplementation(_logger, target, e.Message);
    }
}
