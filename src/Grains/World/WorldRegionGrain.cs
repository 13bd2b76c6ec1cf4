using System.Globalization;
using Coordination.Common;
using Coordination.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.World;

/// <summary>
/// One rectangle of a world: its obstacles (persisted, with expiry) and robot positions (in memory, refreshed by the
/// twins), a version that increases with every change, a change log and the observers of its change feed.
/// </summary>
public sealed partial class WorldRegionGrain(
    [PersistentState("world-region", CoordinationStorage.Name)] IPersistentState<WorldRegionState> state,
    IOptions<WorldOptions> options,
    TimeProvider clock,
    ILogger<WorldRegionGrain> logger) : Grain, IWorldRegionGrain
{
    /// <summary>Versions reserved per storage write, so positions (not persisted) never reuse a version after a restart.</summary>
    public const long VersionBlock = 1024;

    private readonly WorldOptions _options = options.Value;
    private readonly WorldObserverSet _observers = new();
    private readonly Dictionary<GridCell, WorldObstacle> _obstacles = [];
    private readonly Dictionary<string, (RobotPosition Position, DateTimeOffset Seen)> _robots = new(StringComparer.Ordinal);
    private readonly Queue<WorldChange> _log = new();
    private long _version;
    private long _logFloor;
    private string _worldId = string.Empty;
    private long _mapVersion;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _worldId = WorldKeys.WorldOf(key);
        var parts = key.Split('/');
        _mapVersion = parts.Length > 1 && parts[1].StartsWith('m') && long.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        _version = state.State.ReservedVersion;
        _logFloor = _version;
        foreach (var o in state.State.Obstacles)
        {
            _obstacles[o.Cell] = o;
        }

        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_options.SweepInterval, _options.SweepInterval) { Interleave = false, KeepAlive = false });
        return Task.CompletedTask;
    }

    public async Task ApplyPositions(IReadOnlyList<RobotPosition> positions, IReadOnlyList<string> departed)
    {
        if (state.State.Retired)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changes = new List<WorldChange>();
        foreach (var p in positions ?? [])
        {
            if (_robots.TryGetValue(p.RobotId, out var current))
            {
                if (p.At < current.Position.At)
                {
                    continue;
                }

                if (current.Position.Cell == p.Cell)
                {
                    _robots[p.RobotId] = (p, now);
                    continue;
                }
            }

            _robots[p.RobotId] = (p, now);
            changes.Add(new WorldChange(++_version, WorldChangeKind.RobotMoved, p.Cell, p.At, p.RobotId));
        }

        foreach (var id in departed ?? [])
        {
            if (_robots.Remove(id, out var gone))
            {
                changes.Add(new WorldChange(++_version, WorldChangeKind.RobotLeft, gone.Position.Cell, now, id));
            }
        }

        await PublishAsync(changes, persist: false);
    }

    public async Task<WorldObstacle> AddObstacle(GridCell cell, string source, TimeSpan? ttl)
    {
        var now = clock.GetUtcNow();
        var obstacle = new WorldObstacle(cell, source, now, ttl is { } t ? now + t : null);
        _obstacles[cell] = obstacle;
        await PublishAsync([new WorldChange(++_version, WorldChangeKind.ObstacleAdded, cell, now, Obstacle: obstacle)], persist: true);
        return obstacle;
    }

    public async Task<bool> RemoveObstacle(GridCell cell)
    {
        if (!_obstacles.Remove(cell, out var removed))
        {
            return false;
        }

        await PublishAsync([new WorldChange(++_version, WorldChangeKind.ObstacleRemoved, cell, clock.GetUtcNow(), Obstacle: removed)], persist: true);
        return true;
    }

    public async Task<RegionSnapshot> GetSnapshot()
    {
        await SweepAsync(CancellationToken.None);
        return new RegionSnapshot(
            this.GetPrimaryKeyString(),
            _version,
            _obstacles.Values.OrderBy(o => o.Cell.Y).ThenBy(o => o.Cell.X).ToList(),
            _robots.Values.Select(r => r.Position).OrderBy(p => p.RobotId, StringComparer.Ordinal).ToList());
    }

    public Task<WorldChangeBatch> GetChanges(long afterVersion)
    {
        var changes = _log.Where(c => c.Version > afterVersion).ToList();
        return Task.FromResult(new WorldChangeBatch(_worldId, this.GetPrimaryKeyString(), _mapVersion, changes, afterVersion < _logFloor));
    }

    public Task<long> Subscribe(IWorldObserver observer, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer, until);
        return Task.FromResult(_version);
    }

    public Task Unsubscribe(IWorldObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public async Task Retire()
    {
        _obstacles.Clear();
        _robots.Clear();
        _observers.Clear();
        _log.Clear();
        state.State.Obstacles = [];
        state.State.Retired = true;
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (state.State.Retired)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changes = new List<WorldChange>();
        var expired = _obstacles.Values.Where(o => o.ExpiresAt <= now).OrderBy(o => o.Cell.Y).ThenBy(o => o.Cell.X).ToList();
        foreach (var o in expired)
        {
            _obstacles.Remove(o.Cell);
            changes.Add(new WorldChange(++_version, WorldChangeKind.ObstacleExpired, o.Cell, now, Obstacle: o));
        }

        foreach (var (id, r) in _robots.Where(r => r.Value.Seen + _options.PositionTtl <= now).ToList())
        {
            _robots.Remove(id);
            changes.Add(new WorldChange(++_version, WorldChangeKind.RobotLeft, r.Position.Cell, now, id));
        }

        if (expired.Count > 0)
        {
            _ = GrainFactory.GetGrain<IWorldModelGrain>(_worldId).ObstaclesExpired(_mapVersion, expired);
            LogObstaclesExpired(logger, this.GetPrimaryKeyString(), expired.Count);
        }

        await PublishAsync(changes, persist: expired.Count > 0);
    }

    /// <summary>Logs and publishes changes (already numbered); persists obstacles, or just a new version block when needed.</summary>
    private async Task PublishAsync(List<WorldChange> changes, bool persist)
    {
        if (changes.Count == 0)
        {
            return;
        }

        if (persist || _version > state.State.ReservedVersion)
        {
            state.State.Obstacles = [.. _obstacles.Values];
            state.State.ReservedVersion = _version + VersionBlock;
            await state.WriteStateAsync();
        }

        foreach (var c in changes)
        {
            _log.Enqueue(c);
        }

        while (_log.Count > _options.ChangeLogCapacity)
        {
            _logFloor = _log.Dequeue().Version;
        }

        _observers.Notify(new WorldChangeBatch(_worldId, this.GetPrimaryKeyString(), _mapVersion, changes), clock.GetUtcNow());
    }
}
