using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Bench.Mapf;

/// <summary>
/// Baseline: prioritized planning. Agents are planned one after another in index order with space-time A* (distance
/// field heuristic) around the reservations of the agents planned before; an agent finishes only when no earlier agent
/// passes its goal later. Incomplete: returns null when an agent finds no path or the deadline passes.
/// </summary>
public static class PrioritizedPlanner
{
    public static int[][]? Solve(GridMap map, int[] starts, int[] goals, long deadline)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(goals);
        var cells = map.CellCount;
        var vertex = new HashSet<long>();
        var edge = new HashSet<long>();
        var settledFrom = new int[cells];
        Array.Fill(settledFrom, int.MaxValue);
        var lastVisit = new int[cells];
        Array.Fill(lastVisit, -1);
        var horizonBase = 0;
        var paths = new int[starts.Length][];
        for (var i = 0; i < starts.Length; i++)
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return null;
            }

            var distance = DistanceField.Compute(map, goals[i]);
            if (!distance.IsReachable(starts[i]))
            {
                return null;
            }

            var path = SpaceTimeAStar(map, starts[i], goals[i], distance, vertex, edge, settledFrom, lastVisit, horizonBase + map.PassableCount, deadline);
            if (path is null)
            {
                return null;
            }

            for (var t = 0; t < path.Length; t++)
            {
                vertex.Add(((long)t * cells) + path[t]);
                lastVisit[path[t]] = Math.Max(lastVisit[path[t]], t);
                if (t > 0 && path[t] != path[t - 1])
                {
                    edge.Add(EdgeKey(t - 1, path[t - 1], path[t], cells));
                }
            }

            settledFrom[goals[i]] = path.Length - 1;
            horizonBase = Math.Max(horizonBase, path.Length);
            paths[i] = path;
        }

        return paths;
    }

    private static long EdgeKey(int t, int from, int to, int cells) => ((((long)t * cells) + from) * cells) + to;

    private static int[]? SpaceTimeAStar(
        GridMap map, int start, int goal, DistanceField h, HashSet<long> vertex, HashSet<long> edge,
        int[] settledFrom, int[] lastVisit, int horizon, long deadline)
    {
        var cells = map.CellCount;
        bool Free(int cell, int t) => t < settledFrom[cell] && !vertex.Contains(((long)t * cells) + cell);

        if (!Free(start, 0))
        {
            return null;
        }

        var nodeCell = new List<int> { start };
        var nodeTime = new List<int> { 0 };
        var nodeParent = new List<int> { -1 };
        var closed = new HashSet<long> { start };
        var open = new PriorityQueue<int, long>();
        open.Enqueue(0, Key(h[start], 0));
        var expansions = 0;
        while (open.TryDequeue(out var node, out _))
        {
            if ((++expansions & 1023) == 0 && Stopwatch.GetTimestamp() >= deadline)
            {
                return null;
            }

            var cell = nodeCell[node];
            var t = nodeTime[node];
            if (cell == goal && t >= lastVisit[goal] && t < settledFrom[goal])
            {
                var path = new int[t + 1];
                for (var n = node; n >= 0; n = nodeParent[n])
                {
                    path[nodeTime[n]] = nodeCell[n];
                }

                return path;
            }

            if (t >= horizon)
            {
                continue;
            }

            var nt = t + 1;
            void Push(int to)
            {
                if (!Free(to, nt) || (to != cell && edge.Contains(EdgeKey(t, to, cell, cells))))
                {
                    return;
                }

                if (!closed.Add(((long)nt * cells) + to))
                {
                    return;
                }

                nodeCell.Add(to);
                nodeTime.Add(nt);
                nodeParent.Add(node);
                open.Enqueue(nodeCell.Count - 1, Key(nt + h[to], nt));
            }

            Push(cell);
            foreach (var n in map.Neighbours(cell))
            {
                Push(n);
            }
        }

        return null;
    }

    /// <summary>Orders by f, then by larger g (deeper first).</summary>
    private static long Key(int f, int g) => ((long)f << 32) - g;
}
