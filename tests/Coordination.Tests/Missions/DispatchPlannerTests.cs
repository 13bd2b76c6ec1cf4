using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Planning.Mapf.Grid;
using Microsoft.Extensions.Options;

namespace Coordination.Tests.Missions;

public sealed class DispatchPlannerTests
{
    private static readonly MissionsOptions Settings = new() { ReserveBatteryPercent = 20, ChargeBelowPercent = 30, EnergyPerCellPercent = 0.05 };
    private static readonly WorldMap Open = new(GridMap.Open(64, 64, "open"), []);
    private static readonly DateTimeOffset At = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DispatchPlanner Planner() => new(new TravelCostCache(Options.Create(Settings)), Options.Create(Settings));

    private static RobotSummary Robot(string id, int x, int y, double battery = 90, params string[] capabilities) =>
        new(id, "amr", RobotStatus.Idle, capabilities, string.Empty, "w", battery, At, new GridCell(x, y));

    private static DispatchTicket Ticket(string id, int priority, params GridCell[] waypoints) =>
        new($"m-{id}/0", $"m-{id}", MissionTaskKind.Goto, waypoints, [], priority, At);

    private static Dictionary<string, string> Pairs(DispatchPlan plan) =>
        plan.Assignments.ToDictionary(a => a.Ticket.TaskId, a => a.RobotId);

    [Fact]
    public void TheAllocationIsOptimalNotGreedy()
    {
        // Greedy would send a (nearest to t1) to t1 and b all the way to t2: 4 + 9 = 13. Optimal: b to t1, a to t2: 6 + 1 = 7.
        var plan = Planner().Plan(Open, [Robot("a", 0, 0), Robot("b", 10, 0)], [Ticket("t1", 1, new GridCell(4, 0)), Ticket("t2", 1, new GridCell(1, 0))], new Dictionary<string, string>());
        Assert.Equal(new Dictionary<string, string> { ["m-t1/0"] = "b", ["m-t2/0"] = "a" }, Pairs(plan));
        Assert.Equal(7, plan.TotalCost);
    }

    [Fact]
    public void AHigherPriorityOutranksAnyNumberOfLowerOnes()
    {
        var tickets = new[] { Ticket("low1", 1, new GridCell(1, 0)), Ticket("low2", 1, new GridCell(0, 1)), Ticket("high", 5, new GridCell(60, 60)) };
        var plan = Planner().Plan(Open, [Robot("a", 0, 0)], tickets, new Dictionary<string, string>());
        Assert.Equal(new Dictionary<string, string> { ["m-high/0"] = "a" }, Pairs(plan));
    }

    [Fact]
    public void OnlyARobotWithEveryRequiredCapabilityTakesTheTask()
    {
        var ticket = Ticket("lift", 1, new GridCell(2, 0)) with { Requires = ["lift", "camera"] };
        var robots = new[] { Robot("near", 1, 0, 90, "lift"), Robot("far", 50, 50, 90, "camera", "lift") };
        Assert.Equal("far", Assert.Single(Planner().Plan(Open, robots, [ticket], new Dictionary<string, string>()).Assignments).RobotId);
        Assert.Empty(Planner().Plan(Open, [robots[0]], [ticket], new Dictionary<string, string>()).Assignments);
    }

    [Fact]
    public void ARobotKeepsItsReserveAndALowRobotChargesFirst()
    {
        // 378 cells of patrol at 0.05 % per cell use 18.9 %: a robot at 35 % would end below the 20 % reserve.
        var patrol = new DispatchTicket("m-p/0", "m-p", MissionTaskKind.Patrol,
            [new GridCell(0, 0), new GridCell(63, 63), new GridCell(0, 0), new GridCell(63, 63)], [], 1, At);
        var robots = new[] { Robot("weak", 0, 0, 35), Robot("strong", 63, 0, 90), Robot("low", 0, 1, 25) };
        var plan = Planner().Plan(Open, robots, [patrol], new Dictionary<string, string>());
        Assert.Equal("strong", Assert.Single(plan.Assignments).RobotId);
        Assert.Equal(["low"], plan.NeedCharge);
        Assert.Equal(18.9, Planner().Energy(Open.Grid, patrol), 6);
    }

    [Fact]
    public void AChargeThePlannerWasAskedForGoesStraightToItsRobotAtTheNearestCharger()
    {
        var world = MissionClusterFixture.Walled();
        var charge = new DispatchTicket("charge-low-1/0", "charge-low-1", MissionTaskKind.Charge, [], [], 100, At);
        var other = Ticket("other", 1, new GridCell(1, 6));
        var robots = new[] { Robot("low", 2, 7, 10), Robot("ok", 11, 0, 90) };
        var plan = Planner().Plan(world, robots, [charge, other], new Dictionary<string, string> { ["charge-low-1"] = "low" });
        var pinned = plan.Assignments.Single(a => a.Ticket.MissionId == "charge-low-1");
        Assert.Equal("low", pinned.RobotId);
        Assert.Equal([new GridCell(0, 7)], pinned.Waypoints);
        Assert.Equal(2, pinned.TravelCells);
        Assert.Equal("ok", plan.Assignments.Single(a => a.Ticket.MissionId == "m-other").RobotId);
        Assert.Empty(plan.NeedCharge);
    }

    [Fact]
    public void WithoutChargersARobotChargesWhereItStands()
    {
        var charge = new DispatchTicket("c/0", "c", MissionTaskKind.Charge, [], [], 100, At);
        var plan = Planner().Plan(Open, [Robot("r", 5, 6, 10)], [charge], new Dictionary<string, string> { ["c"] = "r" });
        Assert.Equal([new GridCell(5, 6)], Assert.Single(plan.Assignments).Waypoints);
    }

    [Fact]
    public void TravelIsTheShortestPathAroundWalls()
    {
        var world = MissionClusterFixture.Walled();
        var plan = Planner().Plan(world, [Robot("r", 5, 0)], [Ticket("t", 1, new GridCell(7, 0))], new Dictionary<string, string>());
        var a = Assert.Single(plan.Assignments);
        Assert.Equal(16, a.TravelCells);
        Assert.Equal(16, a.EstimatedSeconds, 6);
    }

    [Fact]
    public void ATaskNoRobotCanReachIsNotAssigned()
    {
        var passable = Enumerable.Range(0, 25).Select(i => i % 5 != 2).ToArray();
        var world = new WorldMap(new GridMap(5, 5, passable, "split"), []);
        var plan = Planner().Plan(world, [Robot("r", 0, 0)], [Ticket("t", 1, new GridCell(4, 4))], new Dictionary<string, string>());
        Assert.Empty(plan.Assignments);
    }
}
