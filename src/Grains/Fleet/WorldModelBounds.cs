using System.Collections.Concurrent;
using Coordination.World;

namespace Coordination.Fleet;

/// <summary>
/// World bounds for telemetry checks: a world registered in the <see cref="WorldBoundsCatalog"/> wins; otherwise
/// the size of the map uploaded to the world model grain. The twin's check is synchronous, so the world model is
/// asked in the background and its answer kept for <see cref="RefreshInterval"/>; until the first answer a
/// world's bounds are unknown (every finite pose is accepted, as for a world without a map).
/// </summary>
public sealed class WorldModelBounds(IGrainFactory grains, WorldBoundsCatalog catalog, TimeProvider clock) : IWorldBounds
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _worlds = new(StringComparer.Ordinal);

    public WorldBounds? Find(string worldId)
    {
        ArgumentNullException.ThrowIfNull(worldId);
        if (catalog.Find(worldId) is { } registered)
        {
            return registered;
        }

        var now = clock.GetUtcNow();
        var entry = _worlds.GetOrAdd(worldId, _ => new Entry(null, DateTimeOffset.MinValue));
        if (now - entry.AskedAt >= RefreshInterval && _worlds.TryUpdate(worldId, entry with { AskedAt = now }, entry))
        {
            _ = RefreshAsync(worldId, now);
        }

        return entry.Bounds;
    }

    private async Task RefreshAsync(string worldId, DateTimeOffset askedAt)
    {
        try
        {
            var info = await grains.GetGrain<IWorldModelGrain>(worldId).GetInfo();
            _worlds[worldId] = new Entry(info is null ? null : new WorldBounds(info.Width, info.Height), askedAt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The world model is unreachable for now: keep what was known; the next check asks again.
        }
    }

    private sealed record Entry(WorldBounds? Bounds, DateTimeOffset AskedAt);
}
