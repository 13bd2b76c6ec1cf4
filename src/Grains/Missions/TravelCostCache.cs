using Coordination.Common;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// 4-connected shortest-path lengths on world maps, from distance fields cached per map instance and target cell
/// (one per silo, shared by every dispatcher and mission on it; thread-safe).
/// </summary>
public sealed class TravelCostCache(IOptions<MissionsOptions> options)
{
    private readonly DistanceFieldCache _cache = new(options.Value.DistanceFieldCacheCapacity);

    public long Hits => _cache.Hits;

    public long Misses => _cache.Misses;

    public static bool IsFree(GridMap map, GridCell cell) => map.IsPassable(cell.X, cell.Y);

    /// <summary>The distance field to <paramref name="target"/> (which must be on the map).</summary>
    public DistanceField FieldTo(GridMap map, GridCell target) => _cache.GetOrCompute(map, map.ToCell(target.X, target.Y));

    /// <summary>Shortest path length from <paramref name="from"/> to <paramref name="to"/>; <c>null</c> when off the map, blocked or unreachable.</summary>
    public int? Distance(GridMap map, GridCell from, GridCell to)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!IsFree(map, from) || !IsFree(map, to))
        {
            return null;
        }

        var field = FieldTo(map, to);
        var cell = map.ToCell(from.X, from.Y);
        return field.IsReachable(cell) ? field[cell] : null;
    }

    /// <summary>Length of the route through <paramref name="waypoints"/> in order; <c>null</c> when a leg is impossible.</summary>
    public int? RouteLength(GridMap map, IReadOnlyList<GridCell> waypoints)
    {
        ArgumentNullException.ThrowIfNull(waypoints);
        long total = 0;
        for (var i = 1; i < waypoints.Count; i++)
        {
            if (Distance(map, waypoints[i - 1], waypoints[i]) is not { } leg)
            {
                return null;
            }

            total += leg;
        }

        return total > int.MaxValue ? null : (int)total;
    }

    /// <summary>The reachable charger nearest to <paramref name="from"/>, with its distance; <c>null</c> when none is reachable.</summary>
    public (GridCell Station, int Distance)? NearestCharger(WorldMap world, GridCell from)
    {
        ArgumentNullException.ThrowIfNull(world);
        (GridCell, int)? best = null;
        foreach (var charger in world.Chargers)
        {
            if (Distance(world.Grid, from, charger) is { } d && (best is null || d < best.Value.Item2))
            {
                best = (charger, d);
            }
        }

        return best;
    }
}
