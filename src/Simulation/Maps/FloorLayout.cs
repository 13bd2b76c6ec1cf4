using Coordination.Common;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Simulation.Maps;

/// <summary>
/// Where things are on a floor, chosen deterministically from the seed: robots' home cells, pick stations
/// (free cells facing shelves or walls), chargers and patrol points. All cells are in the map's largest
/// connected area, so every robot can reach every place.
/// </summary>
public sealed class FloorLayout
{
    private FloorLayout(GridMap map, IReadOnlyList<GridCell> homes, IReadOnlyList<GridCell> stations, IReadOnlyList<GridCell> chargers, IReadOnlyList<GridCell> patrolPoints)
    {
        Map = map;
        Homes = homes;
        Stations = stations;
        Chargers = chargers;
        PatrolPoints = patrolPoints;
    }

    public GridMap Map { get; }

    public IReadOnlyList<GridCell> Homes { get; }

    public IReadOnlyList<GridCell> Stations { get; }

    public IReadOnlyList<GridCell> Chargers { get; }

    public IReadOnlyList<GridCell> PatrolPoints { get; }

    public static FloorLayout Create(GridMap map, int robots, int seed)
    {
        ArgumentNullException.ThrowIfNull(map);
        var region = LargestComponent(map);
        var random = new Random(seed);
        var faces = region.Where(c => CountBlockedNeighbours(map, c) > 0).ToList();
        var open = region.Where(c => CountBlockedNeighbours(map, c) == 0).ToList();
        if (region.Count < robots * 3)
        {
            throw new ArgumentException($"the map's largest connected area has {region.Count} cells: too small for {robots} robots");
        }

        Shuffle(faces, random);
        Shuffle(open, random);
        var taken = new HashSet<int>();
        List<GridCell> Take(List<int> pool, List<int> fallback, int count)
        {
            var result = new List<GridCell>(count);
            foreach (var c in pool.Concat(fallback))
            {
                if (result.Count == count)
                {
                    break;
                }

                if (taken.Add(c))
                {
                    var (x, y) = map.ToXY(c);
                    result.Add(new GridCell(x, y));
                }
            }

            return result;
        }

        var stationCount = Math.Clamp(robots, 4, 64);
        var chargerCount = Math.Clamp(robots / 4, 2, 32);
        var stations = Take(faces, open, stationCount);
        var chargers = Take(faces, open, chargerCount);
        var patrol = Take(open, faces, Math.Clamp(robots / 2, 4, 32));
        var homes = Take(open, faces, robots);
        return new FloorLayout(map, homes, stations, chargers, patrol);
    }

    private static int CountBlockedNeighbours(GridMap map, int cell) => 4 - map.Neighbours(cell).Length;

    private static List<int> LargestComponent(GridMap map)
    {
        var seen = new bool[map.CellCount];
        List<int> best = [];
        var queue = new Queue<int>();
        for (var start = 0; start < map.CellCount; start++)
        {
            if (seen[start] || !map.IsPassable(start))
            {
                continue;
            }

            var component = new List<int>();
            seen[start] = true;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var c = queue.Dequeue();
                component.Add(c);
                foreach (var n in map.Neighbours(c))
                {
                    if (!seen[n])
                    {
                        seen[n] = true;
                        queue.Enqueue(n);
                    }
                }
            }

            if (component.Count > best.Count)
            {
                best = component;
            }
        }

        return best;
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
