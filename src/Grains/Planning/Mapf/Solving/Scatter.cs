using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// Scatter (Okumura, "Engineering LaCAM*", AAMAS 2024): per agent a guide path that keeps close to a shortest path but
/// spreads the agents out in space and time. Each path minimises, lexicographically, the collisions with the other
/// agents' current guide paths (two agents on one cell at one timestep, two agents crossing one edge in opposite
/// directions at one timestep, or a path crossing a cell on which another agent already waits on its goal) and then its
/// length, within a length budget of the shortest path plus a margin;
/// rounds of re-planning one agent at a time against the others run until the collisions stop decreasing.
/// PIBT then prefers the next cell of the guide path while the agent is on it.
/// </summary>
internal static class Scatter
{
    private const int None = -1;

    /// <summary>Per agent: cell on the guide path -> next cell (null for agents without a goal or when time ran out).</summary>
    /// <param name="collisions">Collisions left between the guide paths after the last complete round that saw all the paths (each counted once per agent involved; long.MaxValue when no such round completed).</param>
    public static Dictionary<int, int>?[] Compute(
        GridMap map, int[] starts, int[] goals, int[]?[] distance, int margin, int maxRounds, long deadline, out long collisions)
    {
        var n = starts.Length;
        var cells = map.CellCount;
        var result = new Dictionary<int, int>?[n];
        var paths = new int[n][];

        // Space-time use of the guide paths: (t * cells + cell) -> number of paths there; parking time per goal cell.
        var use = new Dictionary<long, int>();

        // Moves of the guide paths: (t, from, to) -> number of paths moving from `from` at t - 1 to `to` at t.
        var moves = new Dictionary<long, int>();
        var parkedFrom = new int[cells];
        Array.Fill(parkedFrom, int.MaxValue);

        var gScore = new int[cells];
        var pathCollisions = new int[cells];
        var parent = new int[cells];
        var stamp = new int[cells];
        var closed = new int[cells];
        var run = 0;
        var open = new PriorityQueue<int, long>();
        var previousTotal = long.MaxValue;
        collisions = long.MaxValue;
        for (var round = 0; round < maxRounds; round++)
        {
            long total = 0;
            for (var i = 0; i < n; i++)
            {
                if (distance[i] is not { } d)
                {
                    continue;
                }

                if (Stopwatch.GetTimestamp() >= deadline)
                {
                    return Finish(paths, result);
                }

                if (paths[i] is { } old)
                {
                    CountPath(use, moves, old, cells, -1);
                    parkedFrom[goals[i]] = int.MaxValue;
                }

                // Lexicographic (collisions, f = length + distance, deeper first) over cells, length-bounded.
                run++;
                open.Clear();
                var start = starts[i];
                var budget = d[start] + margin;
                gScore[start] = 0;
                pathCollisions[start] = 0;
                parent[start] = None;
                stamp[start] = run;
                open.Enqueue(start, Key(0, d[start], 0));
                var found = false;
                while (open.TryDequeue(out var cell, out _))
                {
                    if (closed[cell] == run)
                    {
                        continue;
                    }

                    closed[cell] = run;
                    if (cell == goals[i])
                    {
                        found = true;
                        break;
                    }

                    var t = gScore[cell] + 1;
                    foreach (var next in map.Neighbours(cell))
                    {
                        if (closed[next] == run || t + d[next] > budget)
                        {
                            continue;
                        }

                        var c = pathCollisions[cell] + Count(use, t, next, cells) + (t >= parkedFrom[next] ? 1 : 0)
                            + Count(moves, MoveKey(t, next, cell, cells));
                        if (stamp[next] != run || c < pathCollisions[next] || (c == pathCollisions[next] && t < gScore[next]))
                        {
                            stamp[next] = run;
                            gScore[next] = t;
                            pathCollisions[next] = c;
                            parent[next] = cell;
                            open.Enqueue(next, Key(c, t + d[next], t));
                        }
                    }
                }

                if (!found)
                {
                    // Cannot happen (the shortest path is within the budget); keep the old path if it does.
                    if (paths[i] is { } kept)
                    {
                        CountPath(use, moves, kept, cells, +1);
                        parkedFrom[goals[i]] = kept.Length - 1;
                    }

                    continue;
                }

                total += pathCollisions[goals[i]];
                var path = new int[gScore[goals[i]] + 1];
                for (var (c, k) = (goals[i], path.Length - 1); k >= 0; c = parent[c], k--)
                {
                    path[k] = c;
                }

                paths[i] = path;
                CountPath(use, moves, path, cells, +1);
                parkedFrom[goals[i]] = path.Length - 1;
            }

            // The first round counts each agent's collisions with the paths planned before it only: its total is
            // not comparable with the later rounds', which count the collisions with all the other paths.
            if (round > 0 || total == 0)
            {
                collisions = total;
            }

            if (total == 0 || (round > 0 && total >= previousTotal))
            {
                break;
            }

            previousTotal = round == 0 ? long.MaxValue : total;
        }

        return Finish(paths, result);
    }

    private static long Key(int collisions, int f, int g) => ((long)collisions << 42) | ((long)f << 21) | (uint)((1 << 21) - 1 - Math.Min(g, (1 << 21) - 1));

    private static int Count(Dictionary<long, int> use, int t, int cell, int cells) =>
        use.TryGetValue(((long)t * cells) + cell, out var k) ? k : 0;

    private static int Count(Dictionary<long, int> moves, long key) => moves.TryGetValue(key, out var k) ? k : 0;

    /// <summary>Key of a move from <paramref name="from"/> at t - 1 to <paramref name="to"/> at t.</summary>
    private static long MoveKey(int t, int from, int to, int cells) => ((((long)t * cells) + from) * cells) + to;

    /// <summary>Adds (+1) or removes (-1) a guide path's cells at their timesteps and its moves.</summary>
    private static void CountPath(Dictionary<long, int> use, Dictionary<long, int> moves, int[] path, int cells, int delta)
    {
        for (var t = 0; t < path.Length; t++)
        {
            Bump(use, ((long)t * cells) + path[t], delta);
            if (t > 0)
            {
                Bump(moves, MoveKey(t, path[t - 1], path[t], cells), delta);
            }
        }
    }

    /// <summary>Adds <paramref name="delta"/> to a count, dropping counts that reach zero.</summary>
    private static void Bump(Dictionary<long, int> counts, long key, int delta)
    {
        var k = counts.GetValueOrDefault(key) + delta;
        if (k == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = k;
        }
    }

    private static Dictionary<int, int>?[] Finish(int[][] paths, Dictionary<int, int>?[] result)
    {
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i] is not { } path)
            {
                continue;
            }

            var next = new Dictionary<int, int>(path.Length);
            for (var t = 0; t + 1 < path.Length; t++)
            {
                next.TryAdd(path[t], path[t + 1]);
            }

            result[i] = next;
        }

        return result;
    }
}
