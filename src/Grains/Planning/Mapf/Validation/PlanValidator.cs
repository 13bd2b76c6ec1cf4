using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Mapf.Validation;

/// <summary>
/// Checks a multi-agent plan: starts, goals, continuity (wait or 4-connected move), passable cells, vertex conflicts
/// (including agents waiting on their goal after their path ends) and swap conflicts.
/// </summary>
public static class PlanValidator
{
    /// <summary>At most this many violations are reported.</summary>
    public const int MaxReported = 100;

    /// <summary>Returns every violation found (up to <see cref="MaxReported"/>); empty when the plan is valid.</summary>
    /// <param name="goals">Goal cell per agent; <see cref="MapfPlanner.NoGoal"/> for an agent that may end anywhere.</param>
    public static IReadOnlyList<PlanViolation> Validate(
        GridMap map, IReadOnlyList<int> starts, IReadOnlyList<int> goals, IReadOnlyList<int[]> paths)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(paths);
        var violations = new List<PlanViolation>();
        if (starts.Count != goals.Count || paths.Count != starts.Count)
        {
            violations.Add(new PlanViolation(
                PlanViolationKind.AgentCount, -1, -1, 0, $"{starts.Count} starts, {goals.Count} goals and {paths.Count} paths"));
            return violations;
        }

        var n = paths.Count;
        var horizon = 0;
        var pathsOk = true;
        for (var i = 0; i < n && violations.Count < MaxReported; i++)
        {
            var path = paths[i];
            if (path is null || path.Length == 0)
            {
                violations.Add(new PlanViolation(PlanViolationKind.EmptyPath, i, -1, 0, $"agent {i}: empty path"));
                pathsOk = false;
                continue;
            }

            horizon = Math.Max(horizon, path.Length);
            if (path[0] != starts[i])
            {
                violations.Add(new PlanViolation(
                    PlanViolationKind.WrongStart, i, -1, 0, $"agent {i}: path starts at {Describe(map, path[0])}, start is {Describe(map, starts[i])}"));
            }

            if (goals[i] != MapfPlanner.NoGoal && path[^1] != goals[i])
            {
                violations.Add(new PlanViolation(
                    PlanViolationKind.WrongGoal, i, -1, path.Length - 1, $"agent {i}: path ends at {Describe(map, path[^1])}, goal is {Describe(map, goals[i])}"));
            }

            for (var t = 0; t < path.Length; t++)
            {
                if (!map.IsPassable(path[t]))
                {
                    violations.Add(new PlanViolation(
                        PlanViolationKind.BlockedCell, i, -1, t, $"agent {i}: t={t} at {Describe(map, path[t])}, which is blocked or outside the map"));
                    pathsOk = false;
                    break;
                }

                if (t > 0 && path[t] != path[t - 1] && !IsNeighbour(map, path[t - 1], path[t]))
                {
                    violations.Add(new PlanViolation(
                        PlanViolationKind.Discontinuity, i, -1, t, $"agent {i}: jumps from {Describe(map, path[t - 1])} at t={t - 1} to {Describe(map, path[t])} at t={t}"));
                }
            }
        }

        if (!pathsOk)
        {
            return violations;
        }

        // Occupancy of time t and t+1, stamped so that nothing needs clearing between timesteps.
        var occupant = new int[map.CellCount];
        var stamp = new int[map.CellCount];
        Array.Fill(stamp, -1);
        for (var t = 0; t < horizon && violations.Count < MaxReported; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var c = At(paths[i], t);
                if (stamp[c] == t)
                {
                    violations.Add(new PlanViolation(
                        PlanViolationKind.VertexConflict, occupant[c], i, t, $"agents {occupant[c]} and {i}: both at {Describe(map, c)} at t={t}"));
                    if (violations.Count >= MaxReported)
                    {
                        break;
                    }
                }
                else
                {
                    stamp[c] = t;
                    occupant[c] = i;
                }
            }

            if (t + 1 >= horizon)
            {
                break;
            }

            for (var i = 0; i < n && violations.Count < MaxReported; i++)
            {
                var from = At(paths[i], t);
                var to = At(paths[i], t + 1);
                if (from == to || stamp[to] != t)
                {
                    continue;
                }

                var j = occupant[to];
                if (j > i && At(paths[j], t + 1) == from)
                {
                    violations.Add(new PlanViolation(
                        PlanViolationKind.SwapConflict, i, j, t, $"agents {i} and {j}: swap {Describe(map, from)} and {Describe(map, to)} between t={t} and t={t + 1}"));
                }
            }
        }

        return violations;
    }

    private static int At(int[] path, int t) => path[Math.Min(t, path.Length - 1)];

    private static bool IsNeighbour(GridMap map, int a, int b)
    {
        foreach (var n in map.Neighbours(a))
        {
            if (n == b)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(GridMap map, int cell)
    {
        if (cell < 0 || cell >= map.CellCount)
        {
            return $"cell {cell}";
        }

        var (x, y) = map.ToXY(cell);
        return $"({x},{y})";
    }
}
