using System.Collections.Concurrent;

namespace Coordination.Fleet;

/// <summary>The default <see cref="IWorldBounds"/>: worlds registered by the host or a test, width×height each.</summary>
public sealed class WorldBoundsCatalog : IWorldBounds
{
    private readonly ConcurrentDictionary<string, WorldBounds> _worlds = new(StringComparer.Ordinal);

    public WorldBounds? Find(string worldId) => _worlds.TryGetValue(worldId, out var bounds) ? bounds : null;

    public void Register(string worldId, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(worldId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _worlds[worldId] = new WorldBounds(width, height);
    }

    public bool Remove(string worldId) => _worlds.TryRemove(worldId, out _);
}
