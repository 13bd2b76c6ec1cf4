using Coordination.Common;
using Coordination.World;

namespace Coordination.Planning;

/// <summary>
/// Decides which obstacle changes of a world's change feed a follower applies. Regions notify observers one-way, so a
/// change can arrive after a newer one, or after the snapshot that already holds it. A change is applied only when its
/// version is above its region's version in the last snapshot and above the last change applied to its cell (a cell
/// belongs to one region, whose versions grow with every change). Not thread-safe (a grain's state).
/// </summary>
public sealed class WorldFeedOrder
{
    private readonly Dictionary<string, long> _synced = new(StringComparer.Ordinal);
    private readonly Dictionary<GridCell, long> _cells = [];

    /// <summary>A snapshot was taken: it holds every change of each region up to the region's version in it.</summary>
    public void Reset(IEnumerable<RegionSnapshot> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _synced.Clear();
        _cells.Clear();
        foreach (var region in regions)
        {
            _synced[region.RegionKey] = region.Version;
        }
    }

    /// <summary>True when the obstacle change is newer than what the follower holds for its cell (and is now recorded).</summary>
    public bool Accept(string regionKey, WorldChange change)
    {
        ArgumentNullException.ThrowIfNull(regionKey);
        ArgumentNullException.ThrowIfNull(change);
        if ((_synced.TryGetValue(regionKey, out var synced) && change.Version <= synced)
            || (_cells.TryGetValue(change.Cell, out var applied) && change.Version <= applied))
        {
            return false;
        }

        _cells[change.Cell] = change.Version;
        return true;
    }
}
