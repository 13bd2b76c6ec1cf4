using Coordination.Common;
using Coordination.Hosting;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.World;

/// <summary>
/// The world model of one floor: holds the map (persisted), routes obstacles and positions to the region grains that
/// own them, keeps a view of the obstacles for distance queries and map snapshots, and publishes map uploads.
/// </summary>
public sealed partial class WorldModelGrain(
    [PersistentState("world", CoordinationStorage.Name)] IPersistentState<WorldModelState> state,
    IOptions<WorldOptions> options,
    TimeProvider clock,
    ILogger<WorldModelGrain> logger) : Grain, IWorldModelGrain
{
    public const int MaxSourceLength = 256;
    public const int MaxRobotIdLength = 256;

    private readonly WorldOptions _options = options.Value;
    private readonly WorldObserverSet _observers = new();
    private readonly Dictionary<GridCell, WorldObstacle> _obstacles = [];
    private readonly Dictionary<string, int> _robotRegion = new(StringComparer.Ordinal);
    private GridMap? _static;
    private WorldLayout? _layout;
    private GridMap? _occupancy;
    private DistanceFieldCache? _distances;

    private string WorldId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.MapVersion == 0)
        {
            return;
        }

        LoadMap();
        var regions = await Task.WhenAll(_layout!.Regions.Select(r => GrainFactory.GetGrain<IWorldRegionGrain>(r.Key).GetSnapshot()));
        for (var i = 0; i < regions.Length; i++)
        {
            foreach (var o in regions[i].Obstacles)
            {
                _obstacles[o.Cell] = o;
            }

            foreach (var p in regions[i].Robots)
            {
                _robotRegion[p.RobotId] = i;
            }
        }
    }

    public async Task<WorldInfo> UploadMap(string mapText, string fileName)
    {
        if (WorldKeys.Problem(WorldId) is { } problem)
        {
            throw new CoordinationValidationException("worldId", problem);
        }

        var map = WorldGrid.Parse(mapText, fileName, _options.MaxMapCells);
        if (_layout is not null)
        {
            await Task.WhenAll(_layout.Regions.Select(r => GrainFactory.GetGrain<IWorldRegionGrain>(r.Key).Retire()));
        }

        state.State.MapVersion++;
        state.State.MapName = map.Name;
        state.State.Width = map.Width;
        state.State.Height = map.Height;
        state.State.Rows = WorldGrid.ToRows(map);
        state.State.UploadedAt = clock.GetUtcNow();
        await state.WriteStateAsync();

        LoadMap();
        _obstacles.Clear();
        _robotRegion.Clear();
        var now = clock.GetUtcNow();
        LogMapUploaded(logger, WorldId, map.Name, map.Width, map.Height, state.State.MapVersion, _layout!.Regions.Count);
        _observers.Notify(
            new WorldChangeBatch(WorldId, string.Empty, state.State.MapVersion, [new WorldChange(state.State.MapVersion, WorldChangeKind.MapUploaded, default, now)]),
            now);
        var live = _observers.Live(now).ToList();
        if (live.Count > 0)
        {
            await Task.WhenAll(_layout.Regions.SelectMany(r => live.Select(o => GrainFactory.GetGrain<IWorldRegionGrain>(r.Key).Subscribe(o.Key, o.Value))));
        }

        return Info();
    }

    public Task<WorldInfo?> GetInfo() => Task.FromResult(_layout is null ? null : Info());

    public Task<WorldMapSnapshot> GetMapSnapshot()
    {
        RequireMap();
        PruneExpired();
        return Task.FromResult(new WorldMapSnapshot(Info(), state.State.Rows, Sorted(_obstacles.Values)));
    }

    public async Task<WorldSnapshot> GetSnapshot()
    {
        var layout = RequireMap();
        var regions = await Task.WhenAll(layout.Regions.Select(r => GrainFactory.GetGrain<IWorldRegionGrain>(r.Key).GetSnapshot()));
        var version = (state.State.MapVersion * WorldSnapshot.MapVersionWeight) + regions.Sum(r => r.Version);
        var obstacles = Sorted(regions.SelectMany(r => r.Obstacles));
        // While a robot is handed from one region to the next it can briefly be in both: the newest position wins.
        var robots = regions.SelectMany(r => r.Robots)
            .GroupBy(p => p.RobotId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => p.At)!)
            .OrderBy(p => p.RobotId, StringComparer.Ordinal)
            .ToList();
        return new WorldSnapshot(version, new WorldMapSnapshot(Info(), state.State.Rows, obstacles), robots, regions);
    }

    public Task UpdateRobotPositions(IReadOnlyList<RobotPosition> positions)
    {
        if (positions is null || positions.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (_layout is null)
        {
            LogPositionsWithoutMap(logger, WorldId, positions.Count);
            return Task.CompletedTask;
        }

        // The last position of each robot in the batch wins.
        var latest = new Dictionary<string, RobotPosition>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var p in positions)
        {
            if (p is null || string.IsNullOrEmpty(p.RobotId) || p.RobotId.Length > MaxRobotIdLength || !_layout.InBounds(p.Cell))
            {
                dropped++;
                continue;
            }

            latest[p.RobotId] = p;
        }

        if (dropped > 0)
        {
            LogPositionsDropped(logger, WorldId, dropped);
        }

        var arrivals = new Dictionary<int, List<RobotPosition>>();
        var departures = new Dictionary<int, List<string>>();
        foreach (var p in latest.Values)
        {
            var region = _layout.IndexOf(p.Cell);
            if (_robotRegion.TryGetValue(p.RobotId, out var previous) && previous != region)
            {
                Add(departures, previous, p.RobotId);
            }

            _robotRegion[p.RobotId] = region;
            Add(arrivals, region, p);
        }

        foreach (var region in arrivals.Keys.Union(departures.Keys))
        {
            _ = GrainFactory.GetGrain<IWorldRegionGrain>(_layout.Regions[region].Key).ApplyPositions(
                arrivals.TryGetValue(region, out var a) ? a : [],
                departures.TryGetValue(region, out var d) ? d : []);
        }

        return Task.CompletedTask;
    }

    public async Task<WorldObstacle> AddObstacle(GridCell cell, string source, TimeSpan? ttl)
    {
        var layout = RequireMap();
        WorldGrid.RequireInBounds("cell", cell, layout.Width, layout.Height);
        if (!_static!.IsPassable(cell.X, cell.Y))
        {
            throw new CoordinationValidationException("cell", $"{cell} is a wall of the map");
        }

        if (source is null || source.Length > MaxSourceLength)
        {
            throw new CoordinationValidationException("source", source is null ? "is required (may be empty)" : $"longer than {MaxSourceLength} characters");
        }

        if (ttl is { } t && (t <= TimeSpan.Zero || t > _options.MaxObstacleTtl))
        {
            throw new CoordinationValidationException("ttl", $"must be positive and at most {_options.MaxObstacleTtl}");
        }

        var obstacle = await GrainFactory.GetGrain<IWorldRegionGrain>(layout.Regions[layout.IndexOf(cell)].Key).AddObstacle(cell, source, ttl);
        _obstacles[cell] = obstacle;
        _occupancy = null;
        LogObstacleAdded(logger, WorldId, cell.X, cell.Y, source, ttl);
        return obstacle;
    }

    public async Task<bool> RemoveObstacle(GridCell cell)
    {
        var layout = RequireMap();
        WorldGrid.RequireInBounds("cell", cell, layout.Width, layout.Height);
        var removed = await GrainFactory.GetGrain<IWorldRegionGrain>(layout.Regions[layout.IndexOf(cell)].Key).RemoveObstacle(cell);
        if (_obstacles.Remove(cell))
        {
            _occupancy = null;
        }

        return removed;
    }

    public Task ObstaclesExpired(long mapVersion, IReadOnlyList<WorldObstacle> obstacles)
    {
        if (mapVersion != state.State.MapVersion || obstacles is null)
        {
            return Task.CompletedTask;
        }

        foreach (var o in obstacles)
        {
            if (_obstacles.TryGetValue(o.Cell, out var current) && current.AddedAt == o.AddedAt)
            {
                _obstacles.Remove(o.Cell);
                _occupancy = null;
            }
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<int>> GetDistances(GridCell target, IReadOnlyList<GridCell> from)
    {
        var layout = RequireMap();
        WorldGrid.RequireInBounds("target", target, layout.Width, layout.Height);
        if (from is null)
        {
            throw new CoordinationValidationException("from", "is required (may be empty)");
        }

        if (from.Count > WorldDistances.MaxSources)
        {
            throw new CoordinationValidationException("from", $"at most {WorldDistances.MaxSources} cells per call");
        }

        for (var i = 0; i < from.Count; i++)
        {
            WorldGrid.RequireInBounds($"from[{i}]", from[i], layout.Width, layout.Height);
        }

        var map = Occupancy();
        var cache = _distances!;
        var goal = map.ToCell(target.X, target.Y);
        var field = cache.TryGet(map, goal, out var hit) ? hit : await Task.Run(() => cache.GetOrCompute(map, goal));
        var result = new int[from.Count];
        for (var i = 0; i < from.Count; i++)
        {
            var d = field[map.ToCell(from[i].X, from[i].Y)];
            result[i] = d == DistanceField.Unreachable ? WorldDistances.Unreachable : d;
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, long>> Subscribe(IWorldObserver observer, TimeSpan? lease)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var length = lease ?? WorldOptionsDefaults.ObserverLease;
        if (length <= TimeSpan.Zero || length > TimeSpan.FromDays(1))
        {
            throw new CoordinationValidationException("lease", "must be positive and at most one day");
        }

        var until = clock.GetUtcNow() + length;
        _observers.Add(observer, until);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        if (_layout is not null)
        {
            var regions = _layout.Regions.Select(r => r.Key).ToList();
            var at = await Task.WhenAll(regions.Select(key => GrainFactory.GetGrain<IWorldRegionGrain>(key).Subscribe(observer, until)));
            for (var i = 0; i < regions.Count; i++)
            {
                versions[regions[i]] = at[i];
            }
        }

        return versions;
    }

    public async Task Unsubscribe(IWorldObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Remove(observer);
        if (_layout is not null)
        {
            await Task.WhenAll(_layout.Regions.Select(r => GrainFactory.GetGrain<IWorldRegionGrain>(r.Key).Unsubscribe(observer)));
        }
    }

    private static void Add<T>(Dictionary<int, List<T>> lists, int key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }

    private static List<WorldObstacle> Sorted(IEnumerable<WorldObstacle> obstacles) =>
        obstacles.OrderBy(o => o.Cell.Y).ThenBy(o => o.Cell.X).ToList();

    private void LoadMap()
    {
        var s = state.State;
        _static = WorldGrid.FromRows(s.Rows, s.Width, s.Height, s.MapName);
        _layout = new WorldLayout(WorldId, s.MapVersion, s.Width, s.Height, _options.RegionSize);
        _occupancy = null;
        var fieldBytes = Math.Max(1L, (long)s.Width * s.Height * sizeof(int));
        _distances = new DistanceFieldCache((int)Math.Clamp(_options.DistanceCacheBytes / fieldBytes, 1, 4096));
    }

    private WorldLayout RequireMap() =>
        _layout ?? throw new CoordinationValidationException("worldId", $"world '{WorldId}' has no map; upload one first");

    private WorldInfo Info()
    {
        var s = state.State;
        return new WorldInfo(WorldId, s.MapName, s.MapVersion, s.Width, s.Height, _static!.PassableCount, _layout!.Regions, s.UploadedAt);
    }

    /// <summary>Drops obstacles whose time is up even before their region reports it.</summary>
    private void PruneExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var o in _obstacles.Values.Where(o => o.ExpiresAt <= now).ToList())
        {
            _obstacles.Remove(o.Cell);
            _occupancy = null;
        }
    }

    /// <summary>The static map with the current obstacles blocked; a new instance (and an emptied cache) when they change.</summary>
    private GridMap Occupancy()
    {
        PruneExpired();
        if (_occupancy is null)
        {
            _distances!.Clear();
            _occupancy = WorldGrid.WithObstacles(_static!, _obstacles.Keys);
        }

        return _occupancy;
    }
}
