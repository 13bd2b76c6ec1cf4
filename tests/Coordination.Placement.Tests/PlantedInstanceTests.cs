using Coordination.Placement.Engine;

namespace Coordination.Placement.Tests;

public sealed class PlantedInstanceTests
{
    [Theory]
    [InlineData(10, 60, 1)]
    [InlineData(20, 200, 2)]
    [InlineData(40, 400, 3)]
    [InlineData(60, 600, 4)]
    public void PlantedPlacementIsFeasibleAndLoaded(int nodes, int replicas, int seed)
    {
        var instance = PlantedInstanceGenerator.Generate(nodes, replicas, seed);
        var planted = new PlacementPlan(instance.Planted, [], [], 0, TimeSpan.Zero);

        TestProblems.AssertSound(instance.Problem, planted);
        Assert.Equal(replicas, instance.Planted.Count);
        Assert.Equal(replicas, instance.Problem.Workloads.Sum(w => w.Replicas));
        Assert.InRange(instance.GpuLoad, 0.88, 0.95);
    }

    [Theory]
    [InlineData(10, 60, 1)]
    [InlineData(20, 200, 2)]
    [InlineData(20, 200, 5)]
    [InlineData(40, 400, 3)]
    [InlineData(60, 600, 4)]
    public void EnginePlacesEveryPlantedReplica(int nodes, int replicas, int seed)
    {
        var instance = PlantedInstanceGenerator.Generate(nodes, replicas, seed);
        var plan = PlacementEngine.Solve(instance.Problem, TestProblems.Options with { Seed = seed }, TestContext.Current.CancellationToken);

        TestProblems.AssertSound(instance.Problem, plan);
        Assert.Empty(plan.Unscheduled);
    }

    [Fact]
    public void FirstFitLeavesPlantedReplicasUnplacedWhereTheEngineDoesNot()
    {
        // Same instances as above: first-fit in input order is measurably worse on at least one of them.
        var lost = 0;
        foreach (var (nodes, replicas, seed) in new[] { (20, 200, 2), (40, 400, 3), (60, 600, 4) })
        {
            var instance = PlantedInstanceGenerator.Generate(nodes, replicas, seed);
            var plan = FirstFitPlacer.Solve(instance.Problem);
            TestProblems.AssertSound(instance.Problem, plan);
            lost += plan.Unscheduled.Count;
        }

        Assert.True(lost > 0);
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var a = PlacementJson.WriteProblem(PlantedInstanceGenerator.Generate(15, 100, 9).Problem);
        var b = PlacementJson.WriteProblem(PlantedInstanceGenerator.Generate(15, 100, 9).Problem);

        Assert.Equal(a, b);
    }
}
