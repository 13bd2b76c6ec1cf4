using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Tests;

/// <summary>
/// A second, deliberately naive plan checker used by the property tests, so that a bug in the engine's own
/// <c>PlanValidator</c> cannot hide a bug in the planner. Returns the first problem found, or null.
/// </summary>
internal static class IndependentPlanChecker
{
    public static string? FirstProblem(GridMap map, int[] starts, int[] goals, IReadOnlyList<int[]> paths)
    {
        if (paths.Count != starts.Length)
        {
            return "wrong number of paths";
        }

        var horizon = paths.Max(p => p.Length);
        int At(int agent, int t) => paths[agent][Math.Min(t, paths[agent].Length - 1)];
        for (var i = 0; i < starts.Length; i++)
        {
            if (paths[i][0] != starts[i])
            {
                return $"agent {i} does not start on its start";
            }

            if (goals[i] != MapfPlanner.NoGoal && paths[i][^1] != goals[i])
            {
                return $"agent {i} does not end on its goal";
            }

            for (var t = 0; t < paths[i].Length; t++)
            {
                var (x, y) = (paths[i][t] % map.Width, paths[i][t] / map.Width);
                if (paths[i][t] < 0 || paths[i][t] >= map.CellCount || !map.IsPassable(x, y))
                {
                    return $"agent {i} on a blocked cell at t={t}";
                }

                if (t > 0)
                {
                    var (px, py) = (paths[i][t - 1] % map.Width, paths[i][t - 1] / map.Width);
                    if (Math.Abs(px - x) + Math.Abs(py - y) > 1)
                    {
                        return $"agent {i} jumps at t={t}";
                    }
                }
            }
        }

        for (var t = 0; t < horizon; t++)
        {
            for (var i = 0; i < starts.Length; i++)
            {
                for (var j = i + 1; j < starts.Length; j++)
                {
                    if (At(i, t) == At(j, t))
                    {
                        return $"agents {i} and {j} meet at t={t}";
                    }

                    if (t + 1 < horizon && At(i, t) == At(j, t + 1) && At(j, t) == At(i, t + 1))
                    {
                        return $"agents {i} and {j} swap at t={t}";
                    }
                }
            }
        }

        return null;
    }
}
