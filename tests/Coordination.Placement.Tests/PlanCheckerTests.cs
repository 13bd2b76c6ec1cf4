using Coordination.Placement.Engine;
using static Coordination.Placement.Tests.TestProblems;

namespace Coordination.Placement.Tests;

/// <summary>The checker the property tests rely on must catch every kind of violation.</summary>
public sealed class PlanCheckerTests
{
    private static readonly PlacementProblem Problem = new PlacementProblem(
        [
            Node("n1", 4096) with { Labels = new Dictionary<string, string> { ["zone"] = "a" } },
            Node("down", 4096) with { Ready = false },
            Node("cordoned", 4096) with { Unschedulable = true },
            Node("tainted", 4096) with { Taints = [new Taint("dedicated", "x")] },
            Node("hot", 4096) with { Telemetry = new NodeTelemetry(TemperatureC: 90) },
            Node("zoned", 4096) with { Labels = new Dictionary<string, string> { ["zone"] = "b" } },
        ],
        [
            Workload("w", 2, 3072, priority: 10) with { AntiAffinity = ["w"], MaxTemperatureC = 80 },
            Workload("z", 1, 512, priority: 50) with { NodeSelector = new Dictionary<string, string> { ["zone"] = "a" } },
        ])
    {
        Current = [new("w", 0, "n1")],
    };

    public static TheoryData<string, string[], string[], string> Violations => new()
    {
        { "over capacity", ["w/0/n1", "w/1/n1", "z/0/n1"], [], "gpuMemoryMiB" },
        { "anti-affinity", ["w/0/n1", "w/1/n1", "z/0/n1"], [], "despite anti-affinity" },
        { "not ready", ["w/0/n1", "w/1/down"], ["z/0"], "node not ready" },
        { "cordoned", ["w/0/n1", "w/1/cordoned"], ["z/0"], "node unschedulable" },
        { "taint", ["w/0/n1", "w/1/tainted"], ["z/0"], "not tolerated" },
        { "hot", ["w/0/n1", "w/1/hot"], ["z/0"], "above maxTemperatureC" },
        { "selector", ["w/0/n1", "z/0/zoned"], ["w/1"], "node selector zone=a" },
        { "missing replica", ["w/0/n1"], ["z/0"], "w[1] is neither assigned nor unscheduled" },
        { "duplicate", ["w/0/n1", "w/1/n1", "w/1/zoned"], ["z/0"], "more than once" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void CatchesEachViolation(string label, string[] assigned, string[] unscheduled, string expected)
    {
        var plan = new PlacementPlan(
            [.. assigned.Select(a => a.Split('/')).Select(p => new ReplicaAssignment(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2]))],
            [.. unscheduled.Select(u => u.Split('/')).Select(p => new UnscheduledReplica(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), "r"))],
            [],
            0,
            TimeSpan.Zero);

        var violations = PlacementPlanChecker.Check(Problem, plan);

        Assert.True(violations.Any(v => v.Contains(expected, StringComparison.Ordinal)), $"{label}: {string.Join("; ", violations)}");
    }

    [Fact]
    public void AcceptsASoundPlan()
    {
        var plan = new PlacementPlan([new("w", 0, "n1"), new("z", 0, "n1")], [new("w", 1, "r")], [], 0, TimeSpan.Zero);

        Assert.Empty(PlacementPlanChecker.Check(Problem, plan));
    }

    [Fact]
    public void CatchesWrongMovesAndUnlistedOrUpwardEvictions()
    {
        var moved = new PlacementPlan([new("w", 0, "zoned"), new("z", 0, "n1")], [new("w", 1, "r")], [], 0, TimeSpan.Zero);
        var upward = new PlacementPlan([new("z", 0, "n1")], [new("w", 0, "r"), new("w", 1, "r")], [new("w", 0, "n1", "preempted by z (priority 5 > 10)")], 0, TimeSpan.Zero);

        var movedViolations = PlacementPlanChecker.Check(Problem, moved);
        Assert.Contains(movedViolations, v => v.Contains("moves is 0, but 1", StringComparison.Ordinal));
        Assert.Contains(movedViolations, v => v.Contains("not listed in evictions", StringComparison.Ordinal));
        Assert.Contains(PlacementPlanChecker.Check(Problem, upward), v => v.Contains("not a preemption by a strictly higher priority", StringComparison.Ordinal));
    }
}
