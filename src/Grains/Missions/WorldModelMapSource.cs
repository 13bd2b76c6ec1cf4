using System.Collections.Concurrent;
using Coordination.World;

namespace Coordination.Missions;

/// <summary>
/// The dispatcher's grid from the world model grain (the map uploaded through the SDK or CLI), walls only:
/// dynamic obstacles are the planner's business. The map is fetched again only when the world's map version
/// changes (checked at most every <see cref="RecheckInterval"/>), so the same <c>GridMap</c> instance, and with
/// it the cached distance fields, is reused while the map stays. Worlds without an uploaded map fall back to
/// <see cref="ConfiguredWorldMapSource"/> (maps registered by the host, or an open grid); chargers come from there.
/// </summary>
public sealed class WorldModelMapSource(IGrainFactory grains, ConfiguredWorldMapSource configured, TimeProvider clock) : IWorldMapSource
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _maps = new(StringComparer.Ordinal);

    public async Task<WorldMap> GetMapAsync(string worldId)
    {
        ArgumentNullException.ThrowIfNull(worldId);
        var now = clock.GetUtcNow();
        if (_maps.TryGetValue(worldId, out var entry) && now - entry.CheckedAt < RecheckInterval)
        {
            return entry.Map;
        }

        var world = grains.GetGrain<IWorldModelGrain>(worldId);
        var info = await world.GetInfo();
        if (info is null)
        {
            return await configured.GetMapAsync(worldId);
        }

        if (entry is not null && entry.MapVersion == info.MapVersion)
        {
            _maps[worldId] = entry with { CheckedAt = now };
            return entry.Map;
        }

        var snapshot = await world.GetMapSnapshot();
        var grid = WorldGrid.FromRows(snapshot.Rows, snapshot.Info.Width, snapshot.Info.Height, worldId);
        var chargers = configured.TryGet(worldId, out var registered) ? registered.Chargers : [];
        var map = new WorldMap(grid, chargers);
        _maps[worldId] = new Entry(snapshot.Info.MapVersion, map, now);
        return map;
    }

    private sealed record Entry(long MapVersion, WorldMap Map, DateTimeOffset CheckedAt);
}
