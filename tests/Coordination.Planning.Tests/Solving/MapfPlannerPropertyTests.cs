using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;
using CsCheck;

namespace Coordination.Planning.Tests.Solving;

/// <summary>
/// Property tests on random small instances: the planner never returns an invalid plan, solves every solvable instance
/// (known by construction or by exhaustive search) and proves the unsolvable ones unsolvable.
/// </summary>
public sealed class MapfPlannerPropertyTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public void TinyInstancesAgreeWithExhaustiveSearch()
    {
        var gen = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[0, int.MaxValue]);
        gen.Sample(
            (width, height, agents, seed) =>
            {
                var random = new Random(seed);
                var map = RandomInstances.RandomMap(random, width, height, 0.2);
                if (RandomInstances.RandomAgents(random, map, agents) is not var (starts, goals))
                {
                    return;
                }

                var solvable = ExhaustiveSearch.IsSolvable(map, starts, goals);
                var solution = new MapfPlanner().Solve(
                    new MapfRequest(map, starts, goals) { Seed = (ulong)seed, TimeLimit = Generous, Refine = seed % 2 == 0 },
                    TestContext.Current.CancellationToken);
                Assert.Equal(solvable ? MapfStatus.Solved : MapfStatus.Unsolvable, solution.Status);
                if (solvable)
                {
                    AssertValid(map, starts, goals, solution);
                }
            },
            iter: 400);
    }

    [Fact]
    public void WalkedInstancesAreAlwaysSolvedWithValidPlans()
    {
        var gen = Gen.Select(Gen.Int[3, 9], Gen.Int[3, 9], Gen.Double[0.0, 0.25], Gen.Double[0.05, 0.4], Gen.Int[0, int.MaxValue]);
        gen.Sample(
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
                    new MapfRequest(map, starts, goals) { Seed = (ulong)seed, TimeLimit = Generous, MaxRefinementNodes = 300, GuidePaths = seed % 3 != 0 },
                    TestContext.Current.CancellationToken);
                Assert.True(solution.Solved, $"seed {seed}: {solution.Status} {solution.Detail}");
                AssertValid(map, starts, goals, solution);
                Assert.True(solution.SumOfCosts <= solution.FirstSumOfCosts, "refinement made the plan worse");
            },
            iter: 200);
    }

    private static void AssertValid(Mapf.Grid.GridMap map, int[] starts, int[] goals, MapfSolution solution)
    {
        Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, solution.Paths));
        Assert.Empty(PlanValidator.Validate(map, starts, goals, solution.Paths));
        Assert.Equal(solution.Paths.Sum(p => p.Length - 1), solution.SumOfCosts);
        Assert.True(solution.SumOfCosts >= solution.LowerBound);
    }
}
