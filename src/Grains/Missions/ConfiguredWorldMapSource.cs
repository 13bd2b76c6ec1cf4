using System.Collections.Concurrent;
using Coordination.Planning.Mapf.Grid;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// The default map source: maps the host registered with <see cref="Register"/>, and for any other world an open
/// grid of <see cref="MissionsOptions.DefaultMapWidth"/> by <see cref="MissionsOptions.DefaultMapHeight"/> without
/// chargers (robots then charge where they stand).
/// </summary>
public sealed class ConfiguredWorldMapSource(IOptions<MissionsOptions> options) : IWorldMapSource
{
    private readonly ConcurrentDictionary<string, WorldMap> _maps = new(StringComparer.Ordinal);

    public void Register(string worldId, WorldMap map)
    {
        ArgumentException.ThrowIfNullOrEmpty(worldId);
        ArgumentNullException.ThrowIfNull(map);
        _maps[worldId] = map;
    }

    /// <summary>The map registered for <paramref name="worldId"/>, if any (no open-grid default).</summary>
    public bool TryGet(string worldId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorldMap? map) => _maps.TryGetValue(worldId, out map);

    public Task<WorldMap> GetMapAsync(string worldId)
    {
        ArgumentNullException.ThrowIfNull(worldId);
        var map = _maps.GetOrAdd(worldId, id =>
        {
            var o = options.Value;
            return new WorldMap(GridMap.Open(o.DefaultMapWidth, o.DefaultMapHeight, id), []);
        });
        return Task.FromResult(map);
    }
}
