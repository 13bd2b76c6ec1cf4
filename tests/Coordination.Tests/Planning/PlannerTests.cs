using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.World;
using Coordination.World;

namespace Coordination.Tests.Planning;

[Collection(WorldClusterCollection.Name)]
public sealed class PlannerTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    private Task<Dictionary<string, RobotPath>> PlanOf(string worldId, Func<Dictionary<string, RobotPath>, bool> done, string what) =>
        Eventually.Get(() => fixture.Deliveries.Latest(worldId), done, what);

    [Fact]
    public async Task RobotsWithGoalsGetConflictFreePathsThroughTheirTwins()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(6, 6));

        // Four robots crossing each other.
        (string Robot, GridCell From, GridCell To)[] robots =
        [
            ("a", new(0, 2), new(5, 2)), ("b", new(5, 2), new(0, 2)), ("c", new(2, 0), new(2, 5)), ("d", new(2, 5), new(2, 0)),
        ];
        foreach (var (robot, from, to) in robots)
        {
            await World.SetGoalAsync(id, robot, from, to);
        }

        var paths = await PlanOf(id, p => p.Count == 4 && robots.All(r => p[r.Robot].Cells[^1] == r.To) && p.Values.Select(x => x.PlanId).Distinct().Count() == 1, "all four robots get their paths");
        PlanChecks.AssertConflictFree(paths, _ => true);
        var plan = await World.GetPlanAsync(id);
        Assert.Equal(paths["a"].PlanId, plan.PlanId);
        Assert.All(plan.Robots, r => Assert.Equal(paths[r.RobotId].Cells, r.Path!.Cells));
        Assert.True(plan.StartStep > PlanSteps.StepAt(fixture.Clock.GetUtcNow(), plan.StepDuration));
    }

    [Fact]
    public async Task GoalsSetConcurrentlyAreAllPlannedFor()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(6, 6));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => World.SetGoalAsync(id, $"r{i}", new GridCell(i, 0), new GridCell(5 - i, 5))));
        var paths = await PlanOf(id, p => p.Count == 6 && Enumerable.Range(0, 6).All(i => p[$"r{i}"].Cells[^1] == new GridCell(5 - i, 5)) && p.Values.Select(x => x.PlanId).Distinct().Count() == 1, "all six are planned");
        PlanChecks.AssertConflictFree(paths, _ => true);
    }

    [Fact]
    public async Task AnObstacleOnAPlannedPathTriggersAPlanAroundIt()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(20, 5));
        await World.SetGoalAsync(id, "r1", new GridCell(0, 2), new GridCell(19, 2));
        var first = (await PlanOf(id, p => p.ContainsKey("r1"), "r1 gets a path"))["r1"];
        Assert.Equal(20, first.Cells.Count);
        var blocked = first.Cells[12];

        await World.AddObstacleAsync(id, blocked, TimeSpan.FromMinutes(10), "lidar");
        var second = (await PlanOf(id, p => p["r1"].PlanId > first.PlanId, "r1 gets a new path"))["r1"];
        Assert.DoesNotContain(blocked, second.Cells);

        // The robot is on schedule: the new plan starts where the old one has it at the new start step.
        Assert.Equal((PlanSteps.CellAt(first, second.StartStep), new GridCell(19, 2)), (second.Cells[0], second.Cells[^1]));
        PlanChecks.AssertConflictFree(new Dictionary<string, RobotPath> { ["r1"] = second }, c => c != blocked);

        // An obstacle elsewhere does not.
        var replans = (await World.GetPlanAsync(id)).Replans;
        await World.AddObstacleAsync(id, new GridCell(0, 4), null, "operator");
        await World.SetGoalAsync(id, "r2", new GridCell(19, 4), new GridCell(18, 4));
        var plan = await Eventually.Get(() => World.GetPlanAsync(id), p => p.Robots.Any(r => r.RobotId == "r2" && r.Path is not null), "r2 is planned");
        Assert.Equal(replans + 1, plan.Replans);
    }

    [Fact]
    public async Task AStaleObstacleRemovalThatArrivesLateDoesNotOpenTheCellToPlans()
    {
        var id = TestKeys.New("world");
        var info = await World.UploadMapAsync(id, TestMaps.Open(20, 5));
        var region = Assert.Single(info.Regions, r => r.Contains(new GridCell(10, 2))).Key;

        // Added, removed, added again: the cell is blocked. The planner starts after that and plans around it.
        var blocked = new GridCell(10, 2);
        await World.AddObstacleAsync(id, blocked, null, "operator");
        await World.RemoveObstacleAsync(id, blocked);
        await World.AddObstacleAsync(id, blocked, null, "operator");
        await World.SetGoalAsync(id, "r1", new GridCell(0, 2), new GridCell(19, 2));
        var first = (await PlanOf(id, p => p.ContainsKey("r1"), "r1 gets a path"))["r1"];
        Assert.DoesNotContain(blocked, first.Cells);

        // The removal's notice reaches the planner late (one-way notices can be overtaken); then it re-plans.
        var log = await fixture.Client.GetGrain<IWorldRegionGrain>(region).GetChanges(0);
        var removal = Assert.Single(log.Changes, c => c.Kind == WorldChangeKind.ObstacleRemoved);
        var planner = fixture.Client.GetGrain<IPlannerGrain>(id);
        await planner.AsReference<IWorldObserver>().OnWorldChanges(log with { Changes = [removal] });
        await World.SetGoalAsync(id, "r2", new GridCell(0, 0), new GridCell(19, 0));
        var second = await PlanOf(id, p => p.ContainsKey("r2") && p["r1"].PlanId > first.PlanId, "both robots are re-planned");
        Assert.DoesNotContain(blocked, second["r1"].Cells);
        Assert.DoesNotContain(blocked, second["r2"].Cells);
    }

    [Fact]
    public async Task ANewGoalGetsANewPlanAndAClearedGoalLeavesTheRobotWhereItIs()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(6, 6));
        await World.SetGoalAsync(id, "r1", new GridCell(0, 0), new GridCell(5, 0));
        var first = (await PlanOf(id, p => p.ContainsKey("r1"), "r1 gets a path"))["r1"];

        var current = PlanSteps.CellAt(first, PlanSteps.StepAt(fixture.Clock.GetUtcNow(), first.StepDuration));
        await World.SetGoalAsync(id, "r1", current, new GridCell(0, 5));
        var second = (await PlanOf(id, p => p["r1"].PlanId > first.PlanId, "r1 gets a path to its new goal"))["r1"];
        Assert.Equal(new GridCell(0, 5), second.Cells[^1]);
        Assert.Contains(second.Cells[0], new[] { current, PlanSteps.CellAt(first, second.StartStep) });

        await World.ClearGoalAsync(id, "r1");
        var plan = await Eventually.Get(() => World.GetPlanAsync(id), p => p.Robots.Single().Goal is null, "the goal is cleared");
        Assert.Null(plan.Robots.Single().Goal);
    }

    [Fact]
    public async Task ARobotFallingBehindIsPlannedFromWhereItIs()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(8, 3));
        await World.SetGoalAsync(id, "r1", new GridCell(0, 1), new GridCell(7, 1));
        var first = (await PlanOf(id, p => p.ContainsKey("r1"), "r1 gets a path"))["r1"];

        // On schedule (and one step behind, within the tolerance): no re-plan.
        await World.ReportProgressAsync(id, "r1", first.Cells[2], first.StartStep + 2);
        await World.ReportProgressAsync(id, "r1", first.Cells[2], first.StartStep + 3);
        Assert.Equal(first.PlanId, (await World.GetPlanAsync(id)).PlanId);

        // Still at its third cell two steps later: behind; the new plan starts where it is.
        await World.ReportProgressAsync(id, "r1", first.Cells[2], first.StartStep + 5);
        var second = (await PlanOf(id, p => p["r1"].PlanId > first.PlanId, "r1 gets a new path"))["r1"];
        Assert.Equal((first.Cells[2], new GridCell(7, 1)), (second.Cells[0], second.Cells[^1]));
    }

    [Fact]
    public async Task ARobotWithoutAGoalMakesWayAndGoalsThatCannotBePlannedAreExplained()
    {
        var id = TestKeys.New("world");

        // A corridor with one side pocket at (2,0).
        await World.UploadMapAsync(id, "type octile\nheight 2\nwidth 5\nmap\n@@.@@\n.....\n", "corridor.map");

        // "idle" is only known from its twin's position feed and stands in the way.
        await fixture.Client.GetGrain<IWorldModelGrain>(id).UpdateRobotPositions([new RobotPosition("idle", new GridCell(2, 1), fixture.Clock.GetUtcNow())]);
        await Eventually.Get(() => World.GetSnapshotAsync(id), s => s.Robots.Count == 1, "the position arrives");
        await World.SetGoalAsync(id, "mover", new GridCell(0, 1), new GridCell(4, 1));
        var paths = await PlanOf(id, p => p.ContainsKey("mover") && p.ContainsKey("idle"), "both robots get paths");
        Assert.Equal(new GridCell(4, 1), paths["mover"].Cells[^1]);
        PlanChecks.AssertConflictFree(paths, c => c.Y == 1 || c == new GridCell(2, 0));

        var wall = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.SetGoalAsync(id, "late", new GridCell(1, 1), new GridCell(0, 0)));
        Assert.Equal(("goal", "(0,0) is a wall of the map"), (wall.Field, wall.Problem));
    }

    [Fact]
    public async Task GoalsThatCannotBePlannedAreExplainedAndTheRobotStillTakesPart()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(4, 4));
        await World.SetGoalAsync(id, "first", new GridCell(0, 0), new GridCell(3, 3));
        await World.SetGoalAsync(id, "second", new GridCell(3, 0), new GridCell(3, 3));
        await World.AddObstacleAsync(id, new GridCell(1, 3), null, "operator");
        await World.SetGoalAsync(id, "third", new GridCell(0, 3), new GridCell(1, 3));
        var plan = await Eventually.Get(
            () => World.GetPlanAsync(id),
            p => p.Robots.Count == 3 && p.Robots.All(r => r.Path is not null) && p.Robots.Single(r => r.RobotId == "third").GoalProblem is not null,
            "all three are planned");
        Assert.Null(plan.Robots.Single(r => r.RobotId == "first").GoalProblem);
        Assert.Equal("goal (3,3) is also the goal of robot first", plan.Robots.Single(r => r.RobotId == "second").GoalProblem);
        Assert.Equal("goal (1,3) is blocked", plan.Robots.Single(r => r.RobotId == "third").GoalProblem);
        PlanChecks.AssertConflictFree(plan.Robots.ToDictionary(r => r.RobotId, r => r.Path!), c => c != new GridCell(1, 3));
    }
}
