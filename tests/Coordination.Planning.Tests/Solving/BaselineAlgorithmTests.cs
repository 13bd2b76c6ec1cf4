using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;
using CsCheck;

namespace Coordination.Planning.Tests.Solving;

/// <summary>The benchmark baselines (LaCAM over plain PIBT, one-shot PIBT) return valid plans or honestly fail.</summary>
public sealed class BaselineAlgorithmTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(MapfAlgorithm.LaCam)]
    [InlineData(MapfAlgorithm.Pibt)]
    public void BaselinesAreValidWhenTheySolveAndNeverClaimAnUnsolvedInstance(MapfAlgorithm algorithm)
    {
        var solvedCount = 0;
        Gen.Select(Gen.Int[3, 9], Gen.Int[3, 9], Gen.Double[0.0, 0.25], Gen.Double[0.05, 0.3], Gen.Int[0, int.MaxValue]).Sample(
            (width, height, obstacles, density, seed) =>
            {
                var random = new Random(seed);
                var map = RandomInstances.RandomMap(random, width, height, obstacles);
                var agents = Math.Max(1, (int)(map.PassableCount * density));
                if (RandomInstances.WalkedAgents(random, map, agents, agents * 20, 0.1) is not var (starts, goals))
                {
                    return;
                }

                var solution = new MapfPlanner().Solve(
                    new MapfRequest(map, starts, goals) { Seed = (ulong)seed, Algorithm = algorithm, TimeLimit = TimeSpan.FromSeconds(2) },
                    Ct);
                if (solution.Solved)
                {
                    Interlocked.Increment(ref solvedCount);
                    AssertValid(map, starts, goals, solution);
                    Assert.Equal(solution.FirstSumOfCosts, solution.SumOfCosts);
                }
                else
                {
                    Assert.Equal(MapfStatus.TimedOut, solution.Status);
                    Assert.Empty(solution.Paths);
                }
            },
            iter: 60);
        Assert.True(solvedCount > 0, $"{algorithm} solved none of the instances");
    }

    [Fact]
    public void BaselinesOnTheSidePocketCorridor()
    {
        // Two agents must pass each other through a side pocket: LaCAM's search finds it; one-shot PIBT may not.
        var corridor = MovingAiMap.Parse("type octile\nheight 2\nwidth 5\nmap\n.....\n@@.@@\n");
        var pibt = new MapfPlanner().Solve(new MapfRequest(corridor, [0, 4], [4, 0]) { Algorithm = MapfAlgorithm.Pibt }, Ct);
        var lacam = new MapfPlanner().Solve(new MapfRequest(corridor, [0, 4], [4, 0]) { Algorithm = MapfAlgorithm.LaCam }, Ct);
        Assert.True(lacam.Solved);
        AssertValid(corridor, [0, 4], [4, 0], lacam);
        if (pibt.Solved)
        {
            AssertValid(corridor, [0, 4], [4, 0], pibt);
        }
    }

    private static void AssertValid(GridMap map, int[] starts, int[] goals, MapfSolution solution)
    {
        Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, solution.Paths));
        Assert.Empty(PlanValidator.Validate(map, starts, goals, solution.Paths));
        Assert.Equal(solution.Paths.Sum(p => p.Length - 1), solution.SumOfCosts);
        Assert.True(solution.SumOfCosts >= solution.LowerBound);
    }
}
