using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// Where travel costs come from. The engine asks only for pairs that pass every other eligibility rule, and a pair
/// without a cost (unreachable) is not eligible.
/// </summary>
public abstract class TravelCosts
{
    private protected TravelCosts()
    {
    }

    /// <summary>Manhattan distance on an open grid (no obstacles).</summary>
    public static TravelCosts Manhattan { get; } = new ManhattanTravelCosts();

    /// <summary>The map the costs are measured on, if any; problems are validated against it.</summary>
    public abstract GridMap? Map { get; }

    /// <summary>
    /// 4-connected shortest-path lengths on <paramref name="map"/>. One breadth-first search per task, resumed level by
    /// level only as far as the matcher needs (reachability itself comes from connected components); when robots are
    /// fewer than half the tasks, one complete search per robot instead.
    /// </summary>
    public static TravelCosts OnMap(GridMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new MapTravelCosts(map);
    }

    /// <summary>
    /// Costs read from distance fields the caller already has (e.g. a grain's cache): <paramref name="distancesTo"/>
    /// returns the field to a cell of <paramref name="map"/> (a task's cell, or a robot's when there are fewer robots;
    /// 4-connected distances are symmetric).
    /// </summary>
    public static TravelCosts FromDistanceFields(GridMap map, Func<int, DistanceField> distancesTo)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(distancesTo);
        return new DistanceFieldTravelCosts(map, distancesTo);
    }

    /// <summary>
    /// Costs from a function of (task index, robot index): a non-negative cost, or <c>null</c> when the robot cannot
    /// reach the task. Called once per pair that passes the other eligibility rules.
    /// </summary>
    public static TravelCosts FromFunction(Func<int, int, int?> cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new FunctionTravelCosts(cost);
    }

    /// <summary>The edges of every pair in <paramref name="eligible"/> the robot can reach, with their costs.</summary>
    internal abstract TaskEdges Build(AllocationProblem problem, Eligibility eligibility, EligibleSets eligible);
}
