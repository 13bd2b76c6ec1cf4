using Coordination.Placement.Engine;
using static Coordination.Placement.Tests.TestProblems;

namespace Coordination.Placement.Tests;

public sealed class FilterTests
{
    private static readonly Taint Perception = new("dedicated", "perception", TaintEffect.NoSchedule);

    [Theory]
    [InlineData("dedicated", TolerationOperator.Equal, "perception", null, true)]
    [InlineData("dedicated", TolerationOperator.Equal, "planning", null, false)]
    [InlineData("dedicated", TolerationOperator.Exists, "", null, true)]
    [InlineData("other", TolerationOperator.Exists, "", null, false)]
    [InlineData("", TolerationOperator.Exists, "", null, true)]
    [InlineData("dedicated", TolerationOperator.Equal, "perception", TaintEffect.NoSchedule, true)]
    [InlineData("dedicated", TolerationOperator.Equal, "perception", TaintEffect.NoExecute, false)]
    [InlineData("dedicated", TolerationOperator.Exists, "", TaintEffect.PreferNoSchedule, false)]
    public void TolerationMatchesLikeKubernetes(string key, TolerationOperator op, string value, TaintEffect? effect, bool expected) =>
        Assert.Equal(expected, new Toleration(key, op, value, effect).Tolerates(Perception));

    [Theory]
    [InlineData(TaintEffect.NoSchedule, false)]
    [InlineData(TaintEffect.NoExecute, false)]
    [InlineData(TaintEffect.PreferNoSchedule, true)]
    public void OnlyPreferNoScheduleTaintsAdmitUntoleratedReplicas(TaintEffect effect, bool placed)
    {
        var node = Node("n", 4096) with { Taints = [new Taint("dedicated", "perception", effect)] };
        var plan = Solve(new PlacementProblem([node], [Workload("w", 1, 1024)]));

        Assert.Equal(placed ? 1 : 0, plan.Assignments.Count);
    }

    [Fact]
    public void PreferNoScheduleTaintedNodeIsAvoidedWhenAnotherFits()
    {
        var soft = Node("soft", 4096) with { Taints = [new Taint("maintenance", "", TaintEffect.PreferNoSchedule)] };
        var plan = Solve(new PlacementProblem([soft, Node("plain", 4096)], [Workload("w", 1, 1024)]));

        Assert.Equal("plain", NodeOf(plan, "w", 0));
    }

    [Fact]
    public void AntiAffinityIsSymmetric()
    {
        // Only "a" names "b"; still no b replica may join an a replica.
        var a = Workload("a", 1, 1024) with { AntiAffinity = ["b"] };
        var b = Workload("b", 1, 1024);
        var problem = new PlacementProblem([Node("n1", 8192), Node("n2", 8192)], [a, b]);
        var plan = Solve(problem);

        AssertSound(problem, plan);
        Assert.NotEqual(NodeOf(plan, "a", 0), NodeOf(plan, "b", 0));

        var oneNode = Solve(problem with { Nodes = [Node("n1", 8192)] });
        Assert.Single(oneNode.Assignments);
        Assert.Equal("0/1 nodes: 1 anti-affinity", Assert.Single(oneNode.Unscheduled).Reason);
    }

    [Fact]
    public void NodeAtExactlyMaxTemperatureIsAllowed()
    {
        var node = Node("n", 4096) with { Telemetry = new NodeTelemetry(TemperatureC: 80) };
        var plan = Solve(new PlacementProblem([node], [Workload("w", 1, 1024) with { MaxTemperatureC = 80 }]));

        Assert.Single(plan.Assignments);
    }

    [Fact]
    public void SoftScorePrefersTheCoolerIdleNodeWithPowerHeadroom()
    {
        var hot = Node("hot", 8192) with { Telemetry = new NodeTelemetry(0.9, 78, 55, 60) };
        var cool = Node("cool", 8192) with { Telemetry = new NodeTelemetry(0.1, 45, 20, 60) };
        var plan = Solve(new PlacementProblem([hot, cool], [Workload("w", 1, 1024)]));

        Assert.Equal("cool", NodeOf(plan, "w", 0));
    }

    [Fact]
    public void NewReplicasSpreadOverEqualNodesOnceEverythingFits()
    {
        var nodes = Enumerable.Range(0, 4).Select(i => Node($"n{i}", 8192)).ToArray();
        var plan = Solve(new PlacementProblem(nodes, [Workload("w", 4, 1024)]));

        Assert.Equal(4, plan.Assignments.Select(a => a.Node).Distinct().Count());
    }
}
