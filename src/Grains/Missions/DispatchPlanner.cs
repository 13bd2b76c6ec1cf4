using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions.Allocation;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// One allocation round as plain data: robots that are free, tickets that are ready, the world map. Robots below
/// <see cref="MissionsOptions.ChargeBelowPercent"/> charge first (a ticket pinned to them by the dispatcher's charge
/// mission, or a request for one); the others go through the optimal allocation engine
/// (<see cref="TaskAllocator.Solve"/>: most tasks, priority first, then least total travel), with travel costs from
/// cached 4-connected distance fields and each ticket's energy from its route length.
/// </summary>
public sealed class DispatchPlanner(TravelCostCache costs, IOptions<MissionsOptions> options)
{
    private readonly MissionsOptions _options = options.Value;

    /// <param name="world">The world's map and chargers.</param>
    /// <param name="freeRobots">Robots that may take a task now (idle, holding nothing, on a free cell of the map).</param>
    /// <param name="tickets">Ready tickets, in the order ties should be broken.</param>
    /// <param name="pinnedRobotByMission">Charge missions the dispatcher created, by mission id, with their robot.</param>
    public DispatchPlan Plan(
        WorldMap world,
        IReadOnlyList<RobotSummary> freeRobots,
        IReadOnlyList<DispatchTicket> tickets,
        IReadOnlyDictionary<string, string> pinnedRobotByMission)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(freeRobots);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(pinnedRobotByMission);

        var map = world.Grid;
        var free = freeRobots.Where(r => r.Cell is { } c && TravelCostCache.IsFree(map, c)).ToDictionary(r => r.RobotId, StringComparer.Ordinal);
        var pinnedRobots = new HashSet<string>(pinnedRobotByMission.Values, StringComparer.Ordinal);
        var assignments = new List<PlannedAssignment>();

        // Charges the dispatcher pinned to a robot go straight to it.
        var open = new List<DispatchTicket>();
        foreach (var ticket in tickets)
        {
            if (!pinnedRobotByMission.TryGetValue(ticket.MissionId, out var robotId))
            {
                open.Add(ticket);
                continue;
            }

            if (free.Remove(robotId, out var robot) && Resolve(world, ticket, robot.Cell!.Value) is { } planned)
            {
                assignments.Add(planned with { RobotId = robotId });
            }
        }

        var needCharge = new List<string>();
        foreach (var robot in free.Values.ToList())
        {
            if (pinnedRobots.Contains(robot.RobotId))
            {
                free.Remove(robot.RobotId);
            }
            else if (robot.BatteryPercent < _options.ChargeBelowPercent)
            {
                needCharge.Add(robot.RobotId);
                free.Remove(robot.RobotId);
            }
        }

        if (free.Count == 0 || open.Count == 0)
        {
            return new DispatchPlan(assignments, needCharge, 0);
        }

        var robots = free.Values.OrderBy(r => r.RobotId, StringComparer.Ordinal).ToList();
        var cells = robots.Select(r => r.Cell!.Value).ToArray();
        var problem = new AllocationProblem(
            [.. robots.Select(r => new RobotSnapshot(r.RobotId, r.Cell!.Value.X, r.Cell.Value.Y, r.Capabilities, Math.Clamp(r.BatteryPercent, 0, 100), true))],
            [.. open.Select(t => new ReadyTask(t.TaskId, Anchor(t).X, Anchor(t).Y, t.Requires, t.Priority, Energy(map, t)))],
            _options.ReserveBatteryPercent);
        var result = TaskAllocator.Solve(problem, Allocation.TravelCosts.FromFunction((t, r) => Travel(world, open[t], cells[r])));
        foreach (var a in result.Assignments)
        {
            if (Resolve(world, open[a.TaskIndex], cells[a.RobotIndex]) is { } planned)
            {
                assignments.Add(planned with { RobotId = robots[a.RobotIndex].RobotId });
            }
        }

        return new DispatchPlan(assignments, needCharge, result.TotalCost);
    }

    /// <summary>Travel from <paramref name="from"/> to where the ticket starts; <c>null</c> when unreachable.</summary>
    public int? Travel(WorldMap world, DispatchTicket ticket, GridCell from)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Waypoints.Count > 0)
        {
            return costs.Distance(world.Grid, from, ticket.Waypoints[0]);
        }

        // A charge without station: the nearest charger, or where the robot stands when the world has none.
        return world.Chargers.Count == 0 ? 0 : costs.NearestCharger(world, from)?.Distance;
    }

    /// <summary>Battery the ticket's own route uses (travel to its start is covered by the reserve).</summary>
    public double Energy(Planning.Mapf.Grid.GridMap map, DispatchTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Kind == MissionTaskKind.Charge)
        {
            return 0;
        }

        return costs.RouteLength(map, ticket.Waypoints) is { } cells ? Math.Min(100, cells * _options.EnergyPerCellPercent) : 100;
    }

    private static GridCell Anchor(DispatchTicket ticket) => ticket.Waypoints.Count > 0 ? ticket.Waypoints[0] : new GridCell(0, 0);

    private PlannedAssignment? Resolve(WorldMap world, DispatchTicket ticket, GridCell from)
    {
        IReadOnlyList<GridCell> waypoints = ticket.Waypoints;
        int travel;
        if (waypoints.Count == 0)
        {
            var nearest = costs.NearestCharger(world, from);
            if (world.Chargers.Count > 0 && nearest is null)
            {
                return null;
            }

            waypoints = [nearest?.Station ?? from];
            travel = nearest?.Distance ?? 0;
        }
        else if (costs.Distance(world.Grid, from, waypoints[0]) is { } d)
        {
            travel = d;
        }
        else
        {
            return null;
        }

        var route = costs.RouteLength(world.Grid, waypoints) ?? 0;
        var seconds = (travel + route) / _options.NominalSpeedCellsPerSecond;
        return new PlannedAssignment(ticket, string.Empty, waypoints, travel, seconds);
    }
}
