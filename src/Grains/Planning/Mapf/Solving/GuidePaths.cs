using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// Congestion-aware guide paths (in the spirit of LaCAM3's "scatter" and space-utilisation objectives): each agent
/// gets a static shortest path under a cost that also charges for passing over other agents' goals (where agents
/// park) and for cells many other guide paths use. PIBT prefers the next cell of the guide while the agent is on it.
/// </summary>
internal static class GuidePaths
{
    private const int StepCost = 16;

    /// <summary>Per agent: cell on the guide path -> next cell (null for agents without a goal or when time ran out).</summary>
    public static Dictionary<int, int>?[] Compute(
        GridMap map, int[] starts, int[] goals, int[]?[] distance, int goalPenalty, int usagePenalty, int passes, long deadline)
    {
        var n = starts.Length;
        var result = new Dictionary<int, int>?[n];
        var paths = new int[n][];
        var goalCount = new int[map.CellCount];
        foreach (var g in goals)
        {
            if (g != MapfPlanner.NoGoal)
            {
                goalCount[g]++;
            }
        }

        var usage = new int[map.CellCount];
        var gScore = new int[map.CellCount];
        var parent = new int[map.CellCount];
        var stamp = new int[map.CellCount];
        var closed = new int[map.CellCount];
        var run = 0;
        var open = new PriorityQueue<int, long>();
        for (var pass = 0; pass < passes; pass++)
        {
            for (var i = 0; i < n; i++)
            {
                if (distance[i] is not { } d)
                {
                    continue;
                }

                if (Stopwatch.GetTimestamp() >= deadline)
                {
                    return result;
                }

                if (paths[i] is { } old)
                {
                    foreach (var c in old)
                    {
                        usage[c]--;
                    }
                }

                run++;
                open.Clear();
                gScore[starts[i]] = 0;
                parent[starts[i]] = -1;
                stamp[starts[i]] = run;
                open.Enqueue(starts[i], (long)d[starts[i]] * StepCost << 20);
                while (open.TryDequeue(out var cell, out _))
                {
                    if (closed[cell] == run)
                    {
                        continue;
                    }

                    closed[cell] = run;
                    if (cell == goals[i])
                    {
                        break;
                    }

                    foreach (var next in map.Neighbours(cell))
                    {
                        if (closed[next] == run)
                        {
                            continue;
                        }

                        var others = goalCount[next] - (next == goals[i] ? 1 : 0);
                        var g = gScore[cell] + StepCost + (others * goalPenalty) + (usage[next] * usagePenalty);
                        if (stamp[next] != run || g < gScore[next])
                        {
                            stamp[next] = run;
                            gScore[next] = g;
                            parent[next] = cell;
                            var f = g + ((long)d[next] * StepCost);

                            // Ties on f go to the deeper node (fewer expansions).
                            open.Enqueue(next, (f << 20) - Math.Min(g, (1 << 20) - 1));
                        }
                    }
                }

                var length = 0;
                for (var c = goals[i]; c != -1; c = parent[c])
                {
                    length++;
                    if (c == starts[i])
                    {
                        break;
                    }
                }

                var path = new int[length];
                var k = length - 1;
                for (var c = goals[i]; k >= 0; c = parent[c])
                {
                    path[k--] = c;
                }

                paths[i] = path;
                foreach (var c in path)
                {
                    usage[c]++;
                }
            }
        }

        for (var i = 0; i < n; i++)
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
