using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Scenarios;

/// <summary>A parsed MovingAI scenario: agent <c>i</c> is line <c>i + 2</c> of the file (after <c>version 1</c>).</summary>
public sealed class Scenario(string fileName, IReadOnlyList<ScenarioAgent> agents)
{
    /// <summary>The file name as given when loading (used in error messages).</summary>
    public string FileName { get; } = fileName;

    public IReadOnlyList<ScenarioAgent> Agents { get; } = agents;

    /// <summary>
    /// Start and goal cells of the first <paramref name="count"/> agents on <paramref name="map"/>.
    /// Throws <see cref="MapFormatException"/> naming the file and line when there are fewer agents, a start or goal is
    /// outside the map or on a blocked cell, or two agents share a start or a goal.
    /// </summary>
    public (int[] Starts, int[] Goals) Resolve(GridMap map, int count)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (count <= 0)
        {
            throw new MapFormatException(FileName, 0, $"the number of agents must be positive, got {count}");
        }

        if (count > Agents.Count)
        {
            throw new MapFormatException(
                FileName,
                Agents.Count + 2,
                $"{count} agents requested but the file has only {Agents.Count}");
        }

        var starts = new int[count];
        var goals = new int[count];
        var startOwner = new Dictionary<int, int>(count);
        var goalOwner = new Dictionary<int, int>(count);
        for (var i = 0; i < count; i++)
        {
            var a = Agents[i];
            if (a.MapWidth != map.Width || a.MapHeight != map.Height)
            {
                throw new MapFormatException(
                    FileName, a.Line, $"the row is for a {a.MapWidth}x{a.MapHeight} map but the map is {map.Width}x{map.Height}");
            }

            starts[i] = CheckCell(map, a, a.StartX, a.StartY, "start");
            goals[i] = CheckCell(map, a, a.GoalX, a.GoalY, "goal");
            if (!startOwner.TryAdd(starts[i], a.Line))
            {
                throw new MapFormatException(FileName, a.Line, $"start ({a.StartX},{a.StartY}) is also the start on line {startOwner[starts[i]]}");
            }

            if (!goalOwner.TryAdd(goals[i], a.Line))
            {
                throw new MapFormatException(FileName, a.Line, $"goal ({a.GoalX},{a.GoalY}) is also the goal on line {goalOwner[goals[i]]}");
            }
        }

        return (starts, goals);
    }

    private int CheckCell(GridMap map, ScenarioAgent agent, int x, int y, string what)
    {
        if (!map.InBounds(x, y))
        {
            throw new MapFormatException(FileName, agent.Line, $"{what} ({x},{y}) is outside the {map.Width}x{map.Height} map");
        }

        if (!map.IsPassable(x, y))
        {
            throw new MapFormatException(FileName, agent.Line, $"{what} ({x},{y}) is on a blocked cell");
        }

        return map.ToCell(x, y);
    }
}
