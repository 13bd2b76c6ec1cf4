using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Refinement;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;
using Coordination.Planning.Tests.Solving;
using CsCheck;

namespace Coordination.Planning.Tests.Refinement;

public sealed class LnsRefinerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public void EveryIterationKeepsThePlanValidAndNeverWorse()
    {
        Gen.Select(Gen.Int[4, 9], Gen.Int[4, 9], Gen.Double[0.0, 0.2], Gen.Double[0.1, 0.4], Gen.Int[0, int.MaxValue]).Sample(
            (width, height, obstacles, density, seed) =>
            {
                var random = new Random(seed);
                var map = RandomInstances.RandomMap(random, width, height, obstacles);
                var agents = Math.Max(2, (int)(map.PassableCount * density));
                if (RandomInstances.WalkedAgents(random, map, agents, agents * 20, 0.1) is not var (starts, goals))
                {
                    return;
                }

                var first = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { Seed = (ulong)seed, Refine = false }, Ct);
                Assert.True(first.Solved, $"seed {seed}: {first.Status}");
                var paths = first.Paths.Select(p => (int[])p.Clone()).ToArray();
                var lns = new LnsRefiner(map, goals, Distances(map, goals), (ulong)seed, neighbourhoods: 4);
                var cost = first.SumOfCosts;
                for (var step = 0; step < 30; step++)
                {
                    lns.Improve(paths, first.LowerBound, long.MaxValue, maxIterations: 1, Ct);
                    Assert.Empty(PlanValidator.Validate(map, starts, goals, paths));
                    Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, paths));
                    var now = paths.Sum(p => p.Length - 1);
                    Assert.True(now <= cost, $"seed {seed}: the cost went up from {cost} to {now}");
                    Assert.True(now >= first.LowerBound);
                    cost = now;
                }
            },
            iter: 60);
    }

    [Fact]
    public void NeedlessWaitsAreRemoved()
    {
        // Three agents far apart on an open grid; the plan makes each wait five steps at its start.
        var map = GridMap.Open(8, 8);
        int[] starts = [map.ToCell(0, 0), map.ToCell(7, 7), map.ToCell(0, 7)];
        int[] goals = [map.ToCell(3, 0), map.ToCell(7, 4), map.ToCell(0, 4)];
        var paths = new int[3][];
        for (var i = 0; i < 3; i++)
        {
            var d = map.DistancesTo(goals[i]);
            var path = new List<int>(Enumerable.Repeat(starts[i], 6));
            for (var c = starts[i]; c != goals[i];)
            {
                c = map.Neighbours(c).ToArray().First(n => d[n] == d[c] - 1);
                path.Add(c);
            }

            paths[i] = [.. path];
        }

        Assert.Empty(PlanValidator.Validate(map, starts, goals, paths));
        var lowerBound = 3 + 3 + 3;
        Assert.Equal(lowerBound + 15, paths.Sum(p => p.Length - 1));
        var lns = new LnsRefiner(map, goals, Distances(map, goals), seed: 1, neighbourhoods: 8);
        lns.Improve(paths, lowerBound, long.MaxValue, maxIterations: 50, Ct);
        Assert.Empty(PlanValidator.Validate(map, starts, goals, paths));
        Assert.Equal(lowerBound, paths.Sum(p => p.Length - 1));
    }

    [Fact]
    public void PlannerRefinementIsDeterministicWithCapsAndNeverWorse()
    {
        var random = new Random(11);
        var map = RandomInstances.RandomMap(random, 10, 10, 0.15);
        var (starts, goals) = RandomInstances.WalkedAgents(random, map, 40, 2000, 0)!.Value;
        var request = new MapfRequest(map, starts, goals) { Seed = 5, MaxRefinementNodes = 500, MaxRefinementIterations = 300, TimeLimit = TimeSpan.FromMinutes(1) };
        var a = new MapfPlanner().Solve(request, Ct);
        var b = new MapfPlanner().Solve(request, Ct);
        Assert.True(a.Solved);
        Assert.True(a.SumOfCosts <= a.FirstSumOfCosts);
        Assert.Equal(a.SumOfCosts, b.SumOfCosts);
        Assert.Equal(a.RefinementIterations, b.RefinementIterations);
        Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, a.Paths));
    }

    [Fact]
    public void NeighbourhoodSizesMustBeGivenAndPositive()
    {
        var map = MovingAiMap.Parse("type octile\nheight 1\nwidth 3\nmap\n...\n");
        int[] goals = [2];
        Assert.Throws<ArgumentException>(() => new LnsRefiner(map, goals, Distances(map, goals), seed: 1));
        Assert.Throws<ArgumentException>(() => new LnsRefiner(map, goals, Distances(map, goals), 1, 4, 0));
    }

    private static int[]?[] Distances(GridMap map, int[] goals) =>
        goals.Select(g => g == MapfPlanner.NoGoal ? null : map.DistancesTo(g).AsSpan().ToArray()).ToArray();
}
