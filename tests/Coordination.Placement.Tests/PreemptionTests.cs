using Coordination.Placement.Engine;
using static Coordination.Placement.Tests.TestProblems;

namespace Coordination.Placement.Tests;

public sealed class PreemptionTests
{
    [Fact]
    public void HigherPriorityPreemptsALowerOneThatFitsNowhereElse()
    {
        var problem = new PlacementProblem(
            [Node("nano-03", 4096)],
            [Workload("yolo-inference", 1, 2048, priority: 100), Workload("log-shipper", 2, 1536, priority: 10)])
        {
            Current = [new("log-shipper", 0, "nano-03"), new("log-shipper", 1, "nano-03")],
        };
        var plan = Solve(problem);

        AssertSound(problem, plan);
        Assert.Equal("nano-03", NodeOf(plan, "yolo-inference", 0));
        var eviction = Assert.Single(plan.Evictions);
        Assert.Equal("nano-03", eviction.Node);
        Assert.Equal("preempted by yolo-inference (priority 100 > 10)", eviction.Reason);
        var unscheduled = Assert.Single(plan.Unscheduled);
        Assert.Equal(("log-shipper", eviction.Replica), (unscheduled.Workload, unscheduled.Replica));
        Assert.Equal("0/1 nodes: 1 insufficient gpuMemoryMiB", unscheduled.Reason);
        Assert.Equal(0, plan.Moves);
    }

    [Fact]
    public void EqualPriorityNeverPreempts()
    {
        var problem = new PlacementProblem(
            [Node("nano-03", 4096)],
            [Workload("yolo-inference", 1, 2048, priority: 10), Workload("log-shipper", 1, 3072, priority: 10)])
        {
            Current = [new("log-shipper", 0, "nano-03")],
        };
        var plan = Solve(problem);

        Assert.Equal("nano-03", NodeOf(plan, "log-shipper", 0));
        Assert.Empty(plan.Evictions);
        Assert.Equal("yolo-inference", Assert.Single(plan.Unscheduled).Workload);
    }

    [Fact]
    public void LowerPriorityNeverDisplacesAHigherOne()
    {
        var problem = new PlacementProblem(
            [Node("n", 4096)],
            [Workload("low", 1, 2048, priority: 1), Workload("high", 1, 3072, priority: 50)])
        {
            Current = [new("high", 0, "n")],
        };
        var plan = Solve(problem);

        Assert.Equal("n", NodeOf(plan, "high", 0));
        Assert.Empty(plan.Evictions);
        Assert.Equal("low", Assert.Single(plan.Unscheduled).Workload);
    }

    [Fact]
    public void APreemptedReplicaThatFitsElsewhereIsMovedInstead()
    {
        var problem = new PlacementProblem(
            [Node("small", 4096) with { Labels = new Dictionary<string, string> { ["zone"] = "dock-a" } }, Node("spare", 4096)],
            [
                Workload("yolo-inference", 1, 3072, priority: 100) with { NodeSelector = new Dictionary<string, string> { ["zone"] = "dock-a" } },
                Workload("log-shipper", 1, 2048, priority: 10),
            ])
        {
            Current = [new("log-shipper", 0, "small")],
        };
        var plan = Solve(problem);

        AssertSound(problem, plan);
        Assert.Equal("small", NodeOf(plan, "yolo-inference", 0));
        Assert.Equal("spare", NodeOf(plan, "log-shipper", 0));
        Assert.Empty(plan.Unscheduled);
        Assert.Equal(1, plan.Moves);
        Assert.Equal("moved to make room for yolo-inference replica 0", Assert.Single(plan.Evictions).Reason);
    }

    [Fact]
    public void PreemptionTakesTheFewestVictims()
    {
        // Node a would need both small victims evicted; node b only its one big victim.
        var problem = new PlacementProblem(
            [Node("a", 4096), Node("b", 4096)],
            [Workload("high", 1, 3072, priority: 100), Workload("small", 2, 1536, priority: 0), Workload("big", 1, 3072, priority: 0)])
        {
            Current = [new("small", 0, "a"), new("small", 1, "a"), new("big", 0, "b")],
        };
        var plan = Solve(problem);

        AssertSound(problem, plan);
        Assert.Equal("b", NodeOf(plan, "high", 0));
        var eviction = Assert.Single(plan.Evictions);
        Assert.Equal(("big", "b", "preempted by high (priority 100 > 0)"), (eviction.Workload, eviction.Node, eviction.Reason));
    }

    [Fact]
    public void PreemptionTakesTheLowestPriorityVictims()
    {
        var problem = new PlacementProblem(
            [Node("a", 4096), Node("b", 4096)],
            [Workload("high", 1, 3072, priority: 100), Workload("mid", 1, 3072, priority: 50), Workload("low", 1, 3072, priority: 5)])
        {
            Current = [new("mid", 0, "a"), new("low", 0, "b")],
        };
        var plan = Solve(problem);

        Assert.Equal("b", NodeOf(plan, "high", 0));
        Assert.Equal("a", NodeOf(plan, "mid", 0));
        Assert.Equal("preempted by high (priority 100 > 5)", Assert.Single(plan.Evictions).Reason);
    }

    [Fact]
    public void AntiAffinityConflictsOfLowerPriorityArePreemptedToo()
    {
        var problem = new PlacementProblem(
            [Node("n", 8192)],
            [Workload("high", 1, 1024, priority: 100) with { AntiAffinity = ["noisy"] }, Workload("noisy", 1, 1024, priority: 1)])
        {
            Current = [new("noisy", 0, "n")],
        };
        var plan = Solve(problem);

        Assert.Equal("n", NodeOf(plan, "high", 0));
        Assert.Equal("preempted by high (priority 100 > 1)", Assert.Single(plan.Evictions).Reason);
        Assert.Equal("0/1 nodes: 1 anti-affinity", Assert.Single(plan.Unscheduled).Reason);
    }
}
