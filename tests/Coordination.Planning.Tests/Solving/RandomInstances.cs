using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Tests.Solving;

/// <summary>Small random instances built from a seed (so that a failing case is reproducible from its seed).</summary>
internal static class RandomInstances
{
    public static GridMap RandomMap(Random random, int width, int height, double obstacleRate)
    {
        var passable = new bool[width * height];
        for (var i = 0; i < passable.Length; i++)
        {
            passable[i] = random.NextDouble() >= obstacleRate;
        }

        return new GridMap(width, height, passable);
    }

    /// <summary>Random distinct starts and goals on passable cells; solvability unknown.</summary>
    public static (int[] Starts, int[] Goals)? RandomAgents(Random random, GridMap map, int agents)
    {
        var cells = Enumerable.Range(0, map.CellCount).Where(c => map.IsPassable(c)).ToArray();
        if (cells.Length < agents || agents == 0)
        {
            return null;
        }

        var starts = cells.OrderBy(_ => random.Next()).Take(agents).ToArray();
        var goals = cells.OrderBy(_ => random.Next()).Take(agents).ToArray();
        return (starts, goals);
    }

    /// <summary>
    /// Goals placed at random, starts reached from the goals by random collision-free single-agent moves:
    /// reversing the walk is a solution, so the instance is solvable. Some agents have no goal.
    /// </summary>
    public static (int[] Starts, int[] Goals)? WalkedAgents(Random random, GridMap map, int agents, int steps, double noGoalRate)
    {
        var cells = Enumerable.Range(0, map.CellCount).Where(c => map.IsPassable(c)).ToArray();
        if (cells.Length < agents || agents == 0)
        {
            return null;
        }

        var goals = cells.OrderBy(_ => random.Next()).Take(agents).ToArray();
        var positions = (int[])goals.Clone();
        var occupied = new HashSet<int>(positions);
        for (var s = 0; s < steps; s++)
        {
            var a = random.Next(agents);
            var options = map.Neighbours(positions[a]).ToArray().Where(c => !occupied.Contains(c)).ToArray();
            if (options.Length == 0)
            {
                continue;
            }

            var to = options[random.Next(options.Length)];
            occupied.Remove(positions[a]);
            occupied.Add(to);
            positions[a] = to;
        }

        for (var i = 0; i < agents; i++)
        {
            if (random.NextDouble() < noGoalRate)
            {
                goals[i] = MapfPlanner.NoGoal;
            }
        }

        return (positions, goals);
    }
}
