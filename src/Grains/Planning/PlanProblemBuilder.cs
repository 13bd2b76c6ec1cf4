using Coordination.Common;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning;

/// <summary>
/// Turns the robots of a world into a well-formed MAPF problem: distinct starts (colliding projections fall back to
/// reported cells; robots still sharing a cell are left out), start cells free even under a fresh obstacle, and only
/// goals that are free, unique and reachable (the others become "no goal": the robot stays or makes way).
/// </summary>
public static class PlanProblemBuilder
{
    /// <param name="walls">The static map (walls only): a robot reported on a wall or outside is left out.</param>
    /// <param name="occupancy">The static map with the current obstacles blocked.</param>
    public static PlanProblem Build(GridMap walls, GridMap occupancy, IReadOnlyList<PlanAgent> agents, DistanceFieldCache cache)
    {
        ArgumentNullException.ThrowIfNull(walls);
        ArgumentNullException.ThrowIfNull(occupancy);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(cache);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var ordered = agents.OrderBy(a => a.RobotId, StringComparer.Ordinal).ToList();

        // Starts: inside the map and not on a wall; then distinct.
        var starts = new Dictionary<string, GridCell>(StringComparer.Ordinal);
        foreach (var a in ordered)
        {
            var start = InMap(walls, a.Start) ? a.Start : a.Reported;
            if (!InMap(walls, start))
            {
                problems[a.RobotId] = $"at {start}, outside the map or on a wall: left out of the plan";
                excluded.Add(a.RobotId);
                continue;
            }

            starts[a.RobotId] = start;
        }

        foreach (var group in starts.GroupBy(s => s.Value).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (id, _) in group)
            {
                var reported = ordered.First(a => a.RobotId == id).Reported;
                if (InMap(walls, reported))
                {
                    starts[id] = reported;
                }
            }
        }

        var owner = new Dictionary<GridCell, string>();
        foreach (var a in ordered.Where(a => starts.ContainsKey(a.RobotId)))
        {
            var start = starts[a.RobotId];
            if (!owner.TryAdd(start, a.RobotId))
            {
                problems[a.RobotId] = $"at {start} together with robot {owner[start]}: left out of the plan";
                excluded.Add(a.RobotId);
                starts.Remove(a.RobotId);
            }
        }

        // A robot may stand on a cell that has just become an obstacle: it must be able to leave it.
        var map = occupancy;
        var covered = starts.Values.Where(c => !occupancy.IsPassable(c.X, c.Y)).ToList();
        if (covered.Count > 0)
        {
            var passable = occupancy.CopyPassability();
            foreach (var c in covered)
            {
                passable[occupancy.ToCell(c.X, c.Y)] = true;
            }

            map = new GridMap(occupancy.Width, occupancy.Height, passable, occupancy.Name);
        }

        var planned = ordered.Where(a => starts.ContainsKey(a.RobotId)).ToList();
        var startCells = planned.Select(a => map.ToCell(starts[a.RobotId].X, starts[a.RobotId].Y)).ToArray();
        var goals = new int[planned.Count];
        Array.Fill(goals, MapfPlanner.NoGoal);
        var goalOwner = new Dictionary<GridCell, string>();
        foreach (var i in Enumerable.Range(0, planned.Count).OrderBy(i => planned[i].GoalSetAt).ThenBy(i => planned[i].RobotId, StringComparer.Ordinal))
        {
            var a = planned[i];
            if (a.Goal is not { } goal)
            {
                continue;
            }

            if (!map.IsPassable(goal.X, goal.Y))
            {
                problems[a.RobotId] = $"goal {goal} is blocked";
                continue;
            }

            if (!goalOwner.TryAdd(goal, a.RobotId))
            {
                problems[a.RobotId] = $"goal {goal} is also the goal of robot {goalOwner[goal]}";
                continue;
            }

            var cell = map.ToCell(goal.X, goal.Y);
            if (!cache.GetOrCompute(map, cell).IsReachable(startCells[i]))
            {
                goalOwner.Remove(goal);
                problems[a.RobotId] = $"goal {goal} cannot be reached from {starts[a.RobotId]}";
                continue;
            }

            goals[i] = cell;
        }

        return new PlanProblem(map, planned.Select(a => a.RobotId).ToList(), startCells, goals, problems, excluded);
    }

    /// <summary>A path of cell indices as grid cells.</summary>
    public static List<GridCell> ToCells(GridMap map, int[] path)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        var cells = new List<GridCell>(path.Length);
        foreach (var c in path)
        {
            var (x, y) = map.ToXY(c);
            cells.Add(new GridCell(x, y));
        }

        return cells;
    }

    private static bool InMap(GridMap walls, GridCell c) => walls.IsPassable(c.X, c.Y);
}
