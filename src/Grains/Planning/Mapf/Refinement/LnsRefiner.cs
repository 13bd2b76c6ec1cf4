using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Mapf.Refinement;

/// <summary>
/// Anytime improvement of a valid plan by large neighbourhood search (MAPF-LNS: Li, Chen, Harabor, Stuckey and Koenig,
/// "Anytime Multi-Agent Path Finding via Large Neighborhood Search", IJCAI 2021). Each iteration removes the paths of a
/// few agents chosen by one of three heuristics (a random walk around the most delayed agent's path, the agents
/// crossing an intersection and its surroundings, or uniformly at random; picked adaptively by past success), re-plans
/// them one after the other in random order with space-time A* around everybody else's paths, and keeps the new
/// paths when their sum of costs is not larger. The plan stays valid after every iteration, and never gets worse.
/// The neighbourhood size is picked adaptively too, from the given sizes, by the improvement per unit of work (search
/// expansions and path cells moved) each size brought lately: on dense instances small neighbourhoods are the ones that still find room (measured on the
/// benchmark maps: about 6 % lower final costs on maze-32-32-2 with 333 agents and room-32-32-4 with 341, no loss on
/// the sparser ones).
/// </summary>
internal sealed class LnsRefiner
{
    private const int Walk = 0;
    private const int Intersection = 1;
    private const int Uniform = 2;
    private const double Reaction = 0.01;

    /// <summary>Work of moving one path cell in or out of the table, in search expansions (about what it takes in time).</summary>
    private const int PathCellWork = 8;

    /// <summary>Stop after at least this many iterations in a row without improvement (more with more agents).</summary>
    private const long MinStagnation = 2000;

    private readonly GridMap _map;
    private readonly int[] _goals;
    private readonly int[]?[] _distance;
    private readonly int[] _sizes;
    private readonly int[] _intersections;
    private readonly int[] _movable;
    private readonly double[] _weights = [1, 1, 1];
    private SplitMix64 _rng;

    /// <param name="neighbourhoods">Numbers of agents re-planned together per iteration to choose from (at least one).</param>
    public LnsRefiner(GridMap map, int[] goals, int[]?[] distance, ulong seed, params int[] neighbourhoods)
    {
        ArgumentNullException.ThrowIfNull(neighbourhoods);
        if (neighbourhoods.Length == 0 || neighbourhoods.Any(n => n < 1))
        {
            throw new ArgumentException("at least one neighbourhood size, each at least 1", nameof(neighbourhoods));
        }

        _map = map;
        _goals = goals;
        _distance = distance;
        _sizes = [.. neighbourhoods];
        _rng = new SplitMix64(seed ^ 0x4C4E53UL);
        var intersections = new List<int>();
        for (var c = 0; c < map.CellCount; c++)
        {
            if (map.Neighbours(c).Length >= 3)
            {
                intersections.Add(c);
            }
        }

        if (intersections.Count == 0)
        {
            for (var c = 0; c < map.CellCount; c++)
            {
                if (map.IsPassable(c))
                {
                    intersections.Add(c);
                }
            }
        }

        _intersections = [.. intersections];
        _movable = Enumerable.Range(0, goals.Length).Where(i => distance[i] is not null).ToArray();
    }

    /// <summary>Iterations run by the last <see cref="Improve"/> call.</summary>
    public long Iterations { get; private set; }

    /// <summary>Iterations whose new paths were kept (not worse) in the last call.</summary>
    public long Accepted { get; private set; }

    /// <summary>
    /// Improves <paramref name="paths"/> in place until the deadline, <paramref name="maxIterations"/>, cancellation,
    /// or until the sum of costs reaches <paramref name="lowerBound"/>. The paths must form a valid plan.
    /// </summary>
    public void Improve(int[][] paths, int lowerBound, long deadline, long maxIterations, CancellationToken cancellationToken)
    {
        Iterations = 0;
        Accepted = 0;
        if (_movable.Length == 0)
        {
            return;
        }

        var table = new PathTable(_map, paths, deadline);
        if (!table.Complete)
        {
            return;
        }

        var astar = new SafeIntervalSearch(_map, table);
        var cost = 0;
        foreach (var p in paths)
        {
            cost += p.Length - 1;
        }

        var sizes = _sizes.Select(n => Math.Min(n, _movable.Length)).ToArray();
        var sizeWeights = sizes.Select(_ => 1.0).ToArray();
        var maxSize = sizes.Max();
        var chosen = new List<int>(maxSize);
        var inSet = new bool[paths.Length];
        var old = new int[maxSize][];
        var tabu = new HashSet<int>();
        var maxExpansions = Math.Max(20_000, _map.PassableCount * 8);
        var stagnationLimit = Math.Max(MinStagnation, _movable.Length * 20L);
        var sinceImprovement = 0L;
        while (cost > lowerBound && Iterations < maxIterations && sinceImprovement < stagnationLimit
            && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
        {
            Iterations++;
            var sizeIndex = Pick(sizeWeights);
            var size = sizes[sizeIndex];
            var heuristic = Pick(_weights);
            chosen.Clear();
            switch (heuristic)
            {
                case Walk:
                    WalkNeighbourhood(paths, table, size, chosen, inSet, tabu);
                    break;
                case Intersection:
                    IntersectionNeighbourhood(table, size, chosen, inSet);
                    break;
                default:
                    UniformNeighbourhood(size, chosen, inSet);
                    break;
            }

            if (chosen.Count < 2 && heuristic != Uniform)
            {
                UniformNeighbourhood(size, chosen, inSet);
            }

            // Random re-planning order.
            for (var k = chosen.Count - 1; k > 0; k--)
            {
                var j = _rng.NextInt(k + 1);
                (chosen[k], chosen[j]) = (chosen[j], chosen[k]);
            }

            var oldCost = 0;

            // Work of the iteration, counted deterministically (so that a seed still fixes the result): search
            // expansions plus the path cells taken out of and put back into the table.
            long work = 0;
            var remainingBound = 0;
            for (var k = 0; k < chosen.Count; k++)
            {
                var a = chosen[k];
                old[k] = paths[a];
                oldCost += paths[a].Length - 1;
                remainingBound += _distance[a]![paths[a][0]];
                table.Remove(a);
            }

            var newCost = 0;
            var planned = 0;
            for (; planned < chosen.Count; planned++)
            {
                var a = chosen[planned];
                var d = _distance[a]!;
                var start = old[planned][0];
                remainingBound -= d[start];

                // Together the new paths may cost at most what the old ones did.
                var budget = oldCost - newCost - remainingBound;
                var path = astar.Find(start, _goals[a], d, budget, maxExpansions, deadline);
                work += astar.Expansions + (PathCellWork * old[planned].Length);
                if (path is null)
                {
                    break;
                }

                paths[a] = path;
                table.Add(a);
                work += PathCellWork * path.Length;
                newCost += path.Length - 1;
            }

            var success = planned == chosen.Count && newCost <= oldCost;
            if (!success)
            {
                for (var k = 0; k < planned; k++)
                {
                    table.Remove(chosen[k]);
                }

                for (var k = 0; k < chosen.Count; k++)
                {
                    paths[chosen[k]] = old[k];
                    table.Add(chosen[k]);
                }
            }
            else
            {
                Accepted++;
                cost += newCost - oldCost;
            }

            sinceImprovement = success && newCost < oldCost ? 0 : sinceImprovement + 1;

            var gain = success ? oldCost - newCost : 0;
            _weights[heuristic] = ((1 - Reaction) * _weights[heuristic]) + (Reaction * gain);
            var perWork = 1000.0 * gain / Math.Max(1, work);
            sizeWeights[sizeIndex] = ((1 - Reaction) * sizeWeights[sizeIndex]) + (Reaction * perWork);
            foreach (var a in chosen)
            {
                inSet[a] = false;
            }
        }
    }

    /// <summary>An index drawn with probability proportional to its weight (uniformly once every weight has decayed).</summary>
    private int Pick(double[] weights)
    {
        var total = weights.Sum();
        if (total <= 1e-9)
        {
            Array.Fill(weights, 1.0);
            total = weights.Length;
        }

        var r = _rng.NextFloat() * total;
        for (var k = 0; k < weights.Length - 1; k++)
        {
            r -= weights[k];
            if (r < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    private void Take(int agent, List<int> chosen, bool[] inSet)
    {
        if (!inSet[agent] && _distance[agent] is not null)
        {
            inSet[agent] = true;
            chosen.Add(agent);
        }
    }

    private void UniformNeighbourhood(int size, List<int> chosen, bool[] inSet)
    {
        for (var guard = 0; chosen.Count < size && guard < size * 20; guard++)
        {
            Take(_movable[_rng.NextInt(_movable.Length)], chosen, inSet);
        }
    }

    /// <summary>The most delayed agent (not recently chosen) and the agents in the way of random shortcuts of its path.</summary>
    private void WalkNeighbourhood(int[][] paths, PathTable table, int size, List<int> chosen, bool[] inSet, HashSet<int> tabu)
    {
        var best = -1;
        var bestDelay = 0;
        foreach (var a in _movable)
        {
            var delay = paths[a].Length - 1 - _distance[a]![paths[a][0]];
            if (delay > bestDelay && !tabu.Contains(a))
            {
                best = a;
                bestDelay = delay;
            }
        }

        if (best < 0)
        {
            tabu.Clear();
            return;
        }

        tabu.Add(best);
        if (tabu.Count >= Math.Max(1, _movable.Length / 2))
        {
            tabu.Clear();
        }

        Take(best, chosen, inSet);
        var path = paths[best];
        var d = _distance[best]!;
        var arrival = path.Length - 1;

        // Whoever still crosses the goal after the agent could have arrived keeps it from stopping there earlier.
        var goal = _goals[best];
        var times = table.OccupiedTimes(goal);
        for (var k = times.Count - 1; k >= 0 && chosen.Count < size && times[k] >= d[path[0]]; k--)
        {
            var other = table.Occupant(goal, times[k]);
            if (other != PathTable.None)
            {
                Take(other, chosen, inSet);
            }
        }

        Span<int> options = stackalloc int[5];
        for (var attempt = 0; chosen.Count < size && attempt < size * 4; attempt++)
        {
            var t = _rng.NextInt(path.Length);
            var cell = path[t];
            while (chosen.Count < size)
            {
                // Step to a random cell from which the goal is still reachable earlier than now.
                var count = 0;
                foreach (var n in _map.Neighbours(cell))
                {
                    if (t + 1 + d[n] < arrival)
                    {
                        options[count++] = n;
                    }
                }

                if (t + 1 + d[cell] < arrival)
                {
                    options[count++] = cell;
                }

                if (count == 0)
                {
                    break;
                }

                cell = options[_rng.NextInt(count)];
                t++;
                var other = table.Occupant(cell, t);
                if (other != PathTable.None)
                {
                    Take(other, chosen, inSet);
                }
            }
        }
    }

    /// <summary>The agents that visit a random intersection and, breadth-first, the cells around it.</summary>
    private void IntersectionNeighbourhood(PathTable table, int size, List<int> chosen, bool[] inSet)
    {
        var start = _intersections[_rng.NextInt(_intersections.Length)];
        var queue = new Queue<int>();
        var seen = new HashSet<int> { start };
        queue.Enqueue(start);
        var limit = size * 16;
        while (queue.Count > 0 && chosen.Count < size && seen.Count < limit)
        {
            var cell = queue.Dequeue();
            var visitors = table.Visitors(cell);
            if (visitors.Count > 0)
            {
                // A random visitor first, then the others, so that busy cells do not always give the same agents.
                var offset = _rng.NextInt(visitors.Count);
                for (var k = 0; k < visitors.Count && chosen.Count < size; k++)
                {
                    Take(visitors[(k + offset) % visitors.Count], chosen, inSet);
                }
            }

            foreach (var n in _map.Neighbours(cell))
            {
                if (seen.Add(n))
                {
                    queue.Enqueue(n);
                }
            }
        }
    }
}
