using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Refinement;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Tests.Solving;
using CsCheck;

namespace Coordination.Planning.Tests.Refinement;

/// <summary>The safe-interval search agrees with a plain breadth-first search over (cell, timestep) states.</summary>
public sealed class SafeIntervalSearchTests
{
    [Fact]
    public void EarliestArrivalMatchesSpaceTimeBreadthFirstSearch()
    {
        var ct = TestContext.Current.CancellationToken;
        Gen.Select(Gen.Int[3, 8], Gen.Int[3, 8], Gen.Double[0.0, 0.2], Gen.Double[0.1, 0.35], Gen.Int[0, int.MaxValue]).Sample(
            (width, height, obstacles, density, seed) =>
            {
                var random = new Random(seed);
                var map = RandomInstances.RandomMap(random, width, height, obstacles);
                var agents = Math.Max(2, (int)(map.PassableCount * density));
                if (RandomInstances.WalkedAgents(random, map, agents, agents * 20, 0) is not var (starts, goals))
                {
                    return;
                }

                var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { Seed = (ulong)seed, Refine = false }, ct);
                Assert.True(solution.Solved);
                var paths = solution.Paths.ToArray();
                var agent = random.Next(agents);
                var table = new PathTable(map, paths);
                table.Remove(agent);
                var distance = map.DistancesTo(goals[agent]).AsSpan().ToArray();
                var budget = paths[agent].Length - 1 + 3;
                var found = new SafeIntervalSearch(map, table).Find(starts[agent], goals[agent], distance, budget, int.MaxValue, long.MaxValue);
                var others = paths.Where((_, i) => i != agent).ToArray();
                var expected = BreadthFirstArrival(map, others, starts[agent], goals[agent], budget);

                // The agent's own old path fits the budget, so both must find a path, and equally early.
                Assert.NotNull(found);
                Assert.Equal(expected, found!.Length - 1);
                paths[agent] = found;
                Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, paths));
            },
            iter: 150);
    }

    /// <summary>Earliest timestep from which the agent can stay on its goal for good, by brute force; -1 if none.</summary>
    private static int BreadthFirstArrival(GridMap map, int[][] others, int start, int goal, int budget)
    {
        static int At(int[] p, int t) => p[Math.Min(t, p.Length - 1)];
        var horizon = others.Length == 0 ? 0 : others.Max(p => p.Length);
        bool Free(int cell, int t) => others.All(p => At(p, t) != cell);
        bool NoSwap(int from, int to, int t) => others.All(p => !(At(p, t) == to && At(p, t + 1) == from));
        bool StaysFree(int cell, int t)
        {
            for (var u = t; u <= horizon; u++)
            {
                if (!Free(cell, u))
                {
                    return false;
                }
            }

            return true;
        }

        var layer = new HashSet<int> { start };
        for (var t = 0; t <= budget; t++)
        {
            if (layer.Contains(goal) && StaysFree(goal, t))
            {
                return t;
            }

            var next = new HashSet<int>();
            foreach (var c in layer)
            {
                foreach (var n in map.Neighbours(c).ToArray().Append(c))
                {
                    if (Free(n, t + 1) && (n == c || NoSwap(c, n, t)))
                    {
                        next.Add(n);
                    }
                }
            }

            layer = next;
        }

        return -1;
    }
}
