using Coordination.Placement.Engine;

namespace Coordination.Placement.Tests;

public sealed class ContractExampleTests
{
    [Fact]
    public void ContractInputIsPlannedAsTheRulesSay()
    {
        var problem = PlacementJson.ReadProblem(TestProblems.ContractExample);
        var plan = TestProblems.Solve(problem);

        TestProblems.AssertSound(problem, plan);
        Assert.Equal([new ReplicaAssignment("yolo-inference", 0, "agx-orin-01")], plan.Assignments);
        Assert.Equal(
            [new UnscheduledReplica("yolo-inference", 1, "0/1 nodes: 1 anti-affinity"), new UnscheduledReplica("yolo-inference", 2, "0/1 nodes: 1 anti-affinity")],
            plan.Unscheduled);
        Assert.Empty(plan.Evictions);
        Assert.Equal(0, plan.Moves);
    }

    [Fact]
    public void ContractInputRoundTripsThroughWriteProblem()
    {
        var once = PlacementJson.WriteProblem(PlacementJson.ReadProblem(TestProblems.ContractExample));
        var twice = PlacementJson.WriteProblem(PlacementJson.ReadProblem(once));

        Assert.Equal(once, twice);
        Assert.Contains("\"jetson/profile\": \"agx-orin-64gb\"", once, StringComparison.Ordinal);
        Assert.Contains("\"maxTemperatureC\": 80", once, StringComparison.Ordinal);
    }

    [Fact]
    public void ContractOutputExampleReadsAndWritesBack()
    {
        var plan = PlacementJson.ReadPlan(TestProblems.ContractOutputExample);

        Assert.Equal("0/6 nodes: 4 insufficient gpuMemoryMiB, 2 anti-affinity", plan.Unscheduled[0].Reason);
        Assert.Equal("preempted by yolo-inference (priority 100 > 10)", plan.Evictions[0].Reason);
        Assert.Equal(3.2, plan.Runtime.TotalMilliseconds, 6);
        var written = PlacementJson.WritePlan(plan);
        Assert.Equal(written, PlacementJson.WritePlan(PlacementJson.ReadPlan(written)));
        Assert.Contains("\"reason\": \"preempted by yolo-inference (priority 100 > 10)\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void SolvedPlanRoundTripsThroughJson()
    {
        var problem = PlacementJson.ReadProblem(TestProblems.ContractExample);
        var plan = TestProblems.Solve(problem);
        var back = PlacementJson.ReadPlan(PlacementJson.WritePlan(plan));

        Assert.Equal(plan.Assignments, back.Assignments);
        Assert.Equal(plan.Unscheduled, back.Unscheduled);
        Assert.Equal(plan.Evictions, back.Evictions);
        Assert.Equal(plan.Moves, back.Moves);
    }

    [Fact]
    public void OmittedFieldsTakeTheContractDefaults()
    {
        var problem = PlacementJson.ReadProblem("""{"nodes": [{"name": "n"}], "workloads": [{"name": "w"}]}""");
        var node = problem.Nodes[0];
        var workload = problem.Workloads[0];

        Assert.True(node.Ready);
        Assert.False(node.Unschedulable);
        Assert.Empty(node.Labels);
        Assert.Empty(node.Taints);
        Assert.Null(node.Telemetry);
        Assert.Equal(default, node.Allocatable);
        Assert.Equal(0, workload.Priority);
        Assert.Equal(1, workload.Replicas);
        Assert.Equal(default, workload.Requests);
        Assert.Null(workload.MaxTemperatureC);
        Assert.Empty(problem.Current);

        // A zero-request replica fits on a node with nothing allocatable.
        var plan = TestProblems.Solve(problem);
        Assert.Equal([new ReplicaAssignment("w", 0, "n")], plan.Assignments);
    }
}
