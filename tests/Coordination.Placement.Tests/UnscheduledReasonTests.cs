using Coordination.Placement.Engine;
using static Coordination.Placement.Tests.TestProblems;

namespace Coordination.Placement.Tests;

public sealed class UnscheduledReasonTests
{
    [Fact]
    public void ContractStyleReasonCountsTheFirstFailingFilterOfEveryNode()
    {
        // Two big nodes take one replica each (self anti-affinity); the four small ones are too small.
        var nodes = new[] { Node("big-1", 8192), Node("big-2", 8192), Node("small-1", 1024), Node("small-2", 1024), Node("small-3", 2048), Node("small-4", 2048) };
        var yolo = Workload("yolo-inference", 3, 4096) with { AntiAffinity = ["yolo-inference"] };
        var plan = Solve(new PlacementProblem(nodes, [yolo]));

        Assert.Equal(2, plan.Assignments.Count);
        var unscheduled = Assert.Single(plan.Unscheduled);
        Assert.Equal("0/6 nodes: 4 insufficient gpuMemoryMiB, 2 anti-affinity", unscheduled.Reason);
    }

    [Fact]
    public void EveryStaticFilterHasItsLabelAndTiesKeepFilterOrder()
    {
        var nodes = new[]
        {
            Node("down", 8192) with { Ready = false },
            Node("cordoned", 8192) with { Unschedulable = true },
            Node("wrong-zone", 8192) with { Labels = new Dictionary<string, string> { ["zone"] = "dock-b" } },
            Node("tainted", 8192) with
            {
                Labels = new Dictionary<string, string> { ["zone"] = "dock-a" },
                Taints = [new Taint("dedicated", "perception", TaintEffect.NoSchedule)],
            },
            Node("hot", 8192) with
            {
                Labels = new Dictionary<string, string> { ["zone"] = "dock-a" },
                Telemetry = new NodeTelemetry(TemperatureC: 85),
            },
        };
        var workload = Workload("slam", 1, 1024) with
        {
            NodeSelector = new Dictionary<string, string> { ["zone"] = "dock-a" },
            MaxTemperatureC = 80,
        };
        var plan = Solve(new PlacementProblem(nodes, [workload]));

        var unscheduled = Assert.Single(plan.Unscheduled);
        Assert.Equal("0/5 nodes: 1 not ready, 1 unschedulable, 1 node selector mismatch, 1 untolerated taint, 1 above maxTemperatureC", unscheduled.Reason);
    }

    [Fact]
    public void CpuAndMemoryAreReportedAfterGpuMemory()
    {
        var nodes = new[] { Node("a", 8192, cpu: 1000), Node("b", 8192, cpu: 8000, memory: 512), Node("c", 512) };
        var plan = Solve(new PlacementProblem(nodes, [Workload("w", 1, 1024, cpu: 2000, memory: 1024)]));

        Assert.Equal("0/3 nodes: 1 insufficient gpuMemoryMiB, 1 insufficient cpuMillicores, 1 insufficient memoryMiB", Assert.Single(plan.Unscheduled).Reason);
    }

    [Fact]
    public void AllUnscheduledReplicasOfAWorkloadShareTheReason()
    {
        var plan = Solve(new PlacementProblem([Node("n", 4096)], [Workload("w", 4, 2048)]));

        Assert.Equal(2, plan.Assignments.Count);
        Assert.Equal([2, 3], plan.Unscheduled.Select(u => u.Replica));
        Assert.All(plan.Unscheduled, u => Assert.Equal("0/1 nodes: 1 insufficient gpuMemoryMiB", u.Reason));
    }

    [Fact]
    public void EmptyClusterSaysSo()
    {
        var plan = Solve(new PlacementProblem([], [Workload("w", 1, 1)]));

        Assert.Equal("0/0 nodes: no nodes", Assert.Single(plan.Unscheduled).Reason);
    }

    [Fact]
    public void CurrentReplicaOnAFailedNodeIsEvictedWithTheNodeReasonAndRescheduled()
    {
        var nodes = new[] { Node("n1", 4096) with { Ready = false }, Node("n2", 4096), Node("n3", 4096) with { Telemetry = new NodeTelemetry(TemperatureC: 91) } };
        var workload = Workload("perception", 2, 1024) with { MaxTemperatureC = 85 };
        var problem = new PlacementProblem(nodes, [workload])
        {
            Current = [new("perception", 0, "n1"), new("perception", 1, "n3")],
        };
        var plan = Solve(problem);

        AssertSound(problem, plan);
        Assert.Equal("n2", NodeOf(plan, "perception", 0));
        Assert.Equal("n2", NodeOf(plan, "perception", 1));
        Assert.Equal(2, plan.Moves);
        Assert.Equal(
            [new ReplicaEviction("perception", 0, "n1", "node n1 is not ready"), new ReplicaEviction("perception", 1, "n3", "node n3 at 91C is above maxTemperatureC 85")],
            plan.Evictions);
    }
}
