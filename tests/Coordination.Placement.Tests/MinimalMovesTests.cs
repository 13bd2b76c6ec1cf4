using Coordination.Placement.Engine;
using static Coordination.Placement.Tests.TestProblems;

namespace Coordination.Placement.Tests;

public sealed class MinimalMovesTests
{
    [Fact]
    public void ValidCurrentPlacementIsKeptEvenWhereSoftScoresDisagree()
    {
        // The current node is hot (but within limits) and busy; a cool idle node is free. Keeping wins.
        var hot = Node("hot", 8192) with { Telemetry = new NodeTelemetry(0.95, 79, 58, 60) };
        var cool = Node("cool", 8192) with { Telemetry = new NodeTelemetry(0.0, 40, 10, 60) };
        var problem = new PlacementProblem([hot, cool], [Workload("w", 2, 2048) with { MaxTemperatureC = 80 }])
        {
            Current = [new("w", 0, "hot"), new("w", 1, "hot")],
        };
        var plan = Solve(problem);

        Assert.Equal([new ReplicaAssignment("w", 0, "hot"), new ReplicaAssignment("w", 1, "hot")], plan.Assignments);
        Assert.Equal(0, plan.Moves);
        Assert.Empty(plan.Evictions);
    }

    [Fact]
    public void OnlyTheReplicasOfAFailedNodeMove()
    {
        var nodes = Enumerable.Range(0, 5).Select(i => Node($"n{i}", 8192)).ToArray();
        var workloads = new[] { Workload("a", 5, 2048), Workload("b", 5, 1024) };
        var current = new List<ReplicaAssignment>();
        for (var i = 0; i < 5; i++)
        {
            current.Add(new("a", i, $"n{i}"));
            current.Add(new("b", i, $"n{(i + 1) % 5}"));
        }

        var problem = new PlacementProblem(nodes, workloads) { Current = current };
        var failed = problem with { Nodes = [.. nodes.Select(n => n.Name == "n2" ? n with { Ready = false } : n)] };
        var plan = Solve(failed);

        AssertSound(failed, plan);
        Assert.Empty(plan.Unscheduled);
        Assert.Equal(2, plan.Moves);
        Assert.Equal(["a/2", "b/1"], plan.Evictions.Select(e => $"{e.Workload}/{e.Replica}").Order());
        Assert.All(plan.Evictions, e => Assert.Equal("node n2 is not ready", e.Reason));
        foreach (var c in current.Where(c => c.Node != "n2"))
        {
            Assert.Equal(c.Node, NodeOf(plan, c.Workload, c.Replica));
        }
    }

    [Fact]
    public void ReplanningItsOwnPlanChangesNothing()
    {
        var instance = PlantedInstanceGenerator.Generate(12, 120, seed: 3);
        var first = Solve(instance.Problem);
        var second = Solve(instance.Problem with { Current = first.Assignments });

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(0, second.Moves);
        Assert.Empty(second.Evictions);
    }
}
