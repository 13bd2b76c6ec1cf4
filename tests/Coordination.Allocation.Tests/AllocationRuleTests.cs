using Coordination.Missions.Allocation;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Allocation.Tests;

public sealed class AllocationRuleTests
{
    private static RobotSnapshot Robot(string id, int x, int y, double battery = 100, bool available = true, params string[] capabilities) =>
        new(id, x, y, capabilities, battery, available);

    private static ReadyTask Task(string id, int x, int y, int priority = 0, double energy = 0, params string[] requires) =>
        new(id, x, y, requires, priority, energy);

    [Fact]
    public void AHigherPriorityTaskWinsOverAnyCostSaving()
    {
        // One robot: the far high-priority task beats the task it stands on.
        var problem = new AllocationProblem([Robot("r", 0, 0)], [Task("near", 0, 0, priority: 1), Task("far", 50, 50, priority: 2)], 0);

        var result = TaskAllocator.Solve(problem);

        Assert.Equal("far", Assert.Single(result.Assignments).Task);
        Assert.Equal(["near"], result.Unassigned);
        Assert.Equal(100, result.TotalCost);
    }

    [Fact]
    public void PriorityBeatsCountAndCostTogether()
    {
        // r1 can do H (p2, far) or L1; r2 can do L1 or L2. {L1->r1, L2->r2} serves two tasks for 2, but H must be
        // served: it takes r1, and r2 goes to the cheaper of L1 (9) and L2 (1).
        var problem = new AllocationProblem(
            [Robot("r1", 0, 0, capabilities: ["h", "l1"]), Robot("r2", 10, 0, capabilities: ["l1", "l2"])],
            [Task("H", 40, 0, priority: 2, requires: ["h"]), Task("L1", 1, 0, priority: 1, requires: ["l1"]), Task("L2", 11, 0, priority: 1, requires: ["l2"])],
            0);

        var result = TaskAllocator.Solve(problem);

        Assert.Equal(
            ["H:r1", "L2:r2"],
            result.Assignments.Select(a => $"{a.Task}:{a.Robot}"));
        Assert.Equal(["L1"], result.Unassigned);
        Assert.Equal(40 + 1, result.TotalCost);
    }

    [Fact]
    public void WithinAPriorityTheCountComesBeforeTheCost()
    {
        // Nearest-first would give A to r1 and leave B without a robot; the optimum serves both.
        var problem = new AllocationProblem(
            [Robot("r1", 0, 0, capabilities: ["x"]), Robot("r2", 100, 0)],
            [Task("A", 1, 0), Task("B", 2, 0, requires: ["x"])],
            0);

        var optimal = TaskAllocator.Solve(problem);
        var greedy = TaskAllocator.SolveGreedy(problem);

        Assert.Equal(["A:r2", "B:r1"], optimal.Assignments.Select(a => $"{a.Task}:{a.Robot}"));
        Assert.Equal(99 + 2, optimal.TotalCost);
        Assert.Equal(["A:r1"], greedy.Assignments.Select(a => $"{a.Task}:{a.Robot}"));
    }

    [Fact]
    public void AmongEqualCountsTheTotalCostIsMinimal()
    {
        // Greedy takes the closest pair first (cost 1) and pays 10 for the other; swapping costs 2 + 2.
        var problem = new AllocationProblem([Robot("r1", 5, 0), Robot("r2", 0, 0)], [Task("A", 4, 0), Task("B", 7, 0)], 0);

        var optimal = TaskAllocator.Solve(problem);
        var greedy = TaskAllocator.SolveGreedy(problem);

        Assert.Equal(4 + 2, optimal.TotalCost);
        Assert.Equal(1 + 7, greedy.TotalCost);
    }

    [Fact]
    public void UnreachableTasksStayUnassigned()
    {
        // The task at (4,0) is walled off; the robot can only reach the task at (0,2).
        var map = MovingAiMap.Parse("type octile\nheight 3\nwidth 5\nmap\n...@.\n...@@\n.....\n", "walled.map");
        var problem = new AllocationProblem([Robot("r", 0, 0), Robot("s", 1, 0)], [Task("inside", 4, 0, priority: 9), Task("outside", 0, 2)], 0, map);

        var result = TaskAllocator.Solve(problem);
        var greedy = TaskAllocator.SolveGreedy(problem);

        Assert.Equal("outside:r", Assert.Single(result.Assignments).Task + ":" + result.Assignments[0].Robot);
        Assert.Equal(["inside"], result.Unassigned);
        Assert.Equal(["inside"], greedy.Unassigned);
    }

    [Fact]
    public void IneligibleRobotsAreNeverUsed()
    {
        var problem = new AllocationProblem(
            [
                Robot("busy", 0, 0, available: false, capabilities: ["lift"]),
                Robot("weak", 0, 0, battery: 29.9, capabilities: ["lift"]),
                Robot("unfit", 0, 0, capabilities: ["arm"]),
                Robot("ok", 9, 9, battery: 30.1, capabilities: ["lift", "arm"]),
            ],
            [Task("t", 0, 0, energy: 10.1, requires: ["lift"])],
            20);

        var result = TaskAllocator.Solve(problem);

        // 30.1 - 10.1 >= 20 exactly (decimal), 29.9 - 10.1 < 20.
        Assert.Equal("ok", Assert.Single(result.Assignments).Robot);
        Assert.True(TaskAllocator.IsEligible(problem.Robots[3], problem.Tasks[0], 20));
        Assert.False(TaskAllocator.IsEligible(problem.Robots[1], problem.Tasks[0], 20));
    }

    [Fact]
    public void EmptyProblemsHaveEmptyPlans()
    {
        var result = TaskAllocator.Solve(new AllocationProblem([], [], 0));

        Assert.Empty(result.Assignments);
        Assert.Empty(result.Unassigned);
        Assert.Equal(0, result.TotalCost);
    }

    [Fact]
    public void PrecomputedCostsAreUsedAsGiven()
    {
        var problem = new AllocationProblem([Robot("r1", 0, 0), Robot("r2", 0, 0)], [Task("A", 0, 0), Task("B", 0, 0)], 0);
        int?[,] table = { { 5, null }, { 1, 3 } };

        var result = TaskAllocator.Solve(problem, TravelCosts.FromFunction((t, r) => table[t, r]));

        Assert.Equal(["A:r1", "B:r2"], result.Assignments.Select(a => $"{a.Task}:{a.Robot}"));
        Assert.Equal(8, result.TotalCost);
        Assert.Throws<InvalidOperationException>(() => TaskAllocator.Solve(problem, TravelCosts.FromFunction((_, _) => -1)));
    }
}
