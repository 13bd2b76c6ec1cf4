using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Tests.Solving;

public sealed class MapfPlannerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // A corridor with one side pocket: agents crossing it must use the pocket to pass each other.
    private static readonly GridMap Corridor = MovingAiMap.Parse("type octile\nheight 2\nwidth 5\nmap\n.....\n@@.@@\n");

    [Fact]
    public void AgentsPassEachOtherThroughASidePocket()
    {
        var solution = new MapfPlanner().Solve(new MapfRequest(Corridor, [0, 4], [4, 0]), Ct);
        Assert.Equal(MapfStatus.Solved, solution.Status);
        Assert.Null(IndependentPlanChecker.FirstProblem(Corridor, [0, 4], [4, 0], solution.Paths));
        Assert.Equal(8, solution.LowerBound);
        Assert.True(solution.SumOfCosts > solution.LowerBound);
    }

    [Fact]
    public void SwappingInADeadEndCorridorIsProvedUnsolvable()
    {
        var line = MovingAiMap.Parse("type octile\nheight 1\nwidth 3\nmap\n...\n");
        var solution = new MapfPlanner().Solve(new MapfRequest(line, [0, 1], [1, 0]), Ct);
        Assert.Equal(MapfStatus.Unsolvable, solution.Status);
        Assert.Empty(solution.Paths);
    }

    [Fact]
    public void UnreachableGoalIsUnsolvableAndNamesTheAgent()
    {
        var split = MovingAiMap.Parse("type octile\nheight 1\nwidth 3\nmap\n.@.\n");
        var solution = new MapfPlanner().Solve(new MapfRequest(split, [0], [2]), Ct);
        Assert.Equal(MapfStatus.Unsolvable, solution.Status);
        Assert.Contains("agent 0", solution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentWithoutGoalMakesWay()
    {
        // Agent 1 has no goal and sits in the corridor; agent 0 must get past it.
        int[] starts = [0, 2];
        int[] goals = [4, MapfPlanner.NoGoal];
        var solution = new MapfPlanner().Solve(new MapfRequest(Corridor, starts, goals), Ct);
        Assert.True(solution.Solved);
        Assert.Null(IndependentPlanChecker.FirstProblem(Corridor, starts, goals, solution.Paths));
        Assert.Equal(4, solution.Paths[0][^1]);
    }

    [Fact]
    public void AgentWithoutGoalAndNoOneInTheWayStays()
    {
        var solution = new MapfPlanner().Solve(new MapfRequest(Corridor, [0, 7], [2, MapfPlanner.NoGoal]), Ct);
        Assert.True(solution.Solved);
        Assert.Equal([7], solution.Paths[1]);
        Assert.Equal(2, solution.SumOfCosts);
    }

    [Fact]
    public void AgentWithoutGoalInADeadEndComesOutForTheAgentWhoseGoalIsThere()
    {
        // Found by the walked-instances property: an agent without a goal sits in the corridor to a dead end that is
        // another agent's goal; PIBT alone pushes it deeper in. The swap technique must pull it out.
        var random = new Random(1872961233);
        var map = RandomInstances.RandomMap(random, 9, 9, 3.0 / 94);
        var (starts, goals) = RandomInstances.WalkedAgents(random, map, (int)(map.PassableCount * 0.25), (int)(map.PassableCount * 0.25) * 20, 0.1)!.Value;
        var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { Seed = 1872961233, Refine = false, TimeLimit = TimeSpan.FromSeconds(20) }, Ct);
        Assert.True(solution.Solved, $"{solution.Status}: {solution.Detail}");
        Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, solution.Paths));
    }

    [Fact]
    public void SumOfLossDoesNotChargeStaysOnTheGoalButChargesLeavingIt()
    {
        // Agent 0 reaches its goal 2 at t=1, waits, steps off at t=3 and comes back at t=4: its cost is 4 (the
        // timestep from which it stays), its loss 3 (the wait on the goal is free, leaving and returning are not).
        // Agent 1 has no goal and pays for its one move only.
        int[][] paths = [[1, 2, 2, 3, 2], [7, 7, 6]];
        Assert.Equal(3 + 1, MapfPlanner.SumOfLoss(paths, [2, MapfPlanner.NoGoal]));
    }

    [Fact]
    public void FirstSumOfLossLiesBetweenTheLowerBoundAndTheFirstSumOfCosts()
    {
        var (map, starts, goals) = Dense(seed: 5);
        var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { Refine = false, TimeLimit = TimeSpan.FromMinutes(1) }, Ct);
        Assert.True(solution.Solved);
        Assert.InRange(solution.FirstSumOfLoss!.Value, solution.LowerBound, solution.FirstSumOfCosts!.Value);
        Assert.Equal(MapfPlanner.SumOfLoss(solution.Paths.ToArray(), goals), solution.FirstSumOfLoss);
    }

    [Fact]
    public void SameSeedGivesTheSamePlan()
    {
        var (map, starts, goals) = Dense(seed: 7);
        foreach (var refine in new[] { false, true })
        {
            var request = new MapfRequest(map, starts, goals) { Seed = 42, Refine = refine, MaxRefinementNodes = 2000, TimeLimit = TimeSpan.FromMinutes(1) };
            var a = new MapfPlanner().Solve(request, Ct);
            var b = new MapfPlanner().Solve(request, Ct);
            Assert.True(a.Solved);
            Assert.Equal(a.SumOfCosts, b.SumOfCosts);
            Assert.Equal(a.Paths.Count, b.Paths.Count);
            for (var i = 0; i < a.Paths.Count; i++)
            {
                Assert.Equal(a.Paths[i], b.Paths[i]);
            }
        }
    }

    [Fact]
    public void RefinementNeverReturnsAWorsePlan()
    {
        var (map, starts, goals) = Dense(seed: 3);
        var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { MaxRefinementNodes = 5000, TimeLimit = TimeSpan.FromMinutes(1) }, Ct);
        Assert.True(solution.Solved);
        Assert.True(solution.SumOfCosts <= solution.FirstSumOfCosts);
        Assert.True(solution.SumOfCosts >= solution.LowerBound);
        Assert.Null(IndependentPlanChecker.FirstProblem(map, starts, goals, solution.Paths));
    }

    [Fact]
    public void ZeroTimeLimitTimesOutWithoutAPlan()
    {
        var (map, starts, goals) = Dense(seed: 1);
        var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals) { TimeLimit = TimeSpan.Zero }, Ct);
        Assert.Equal(MapfStatus.TimedOut, solution.Status);
        Assert.Empty(solution.Paths);
        Assert.Null(solution.FirstSolutionTime);
    }

    [Fact]
    public void CancelledCallTimesOut()
    {
        var (map, starts, goals) = Dense(seed: 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var solution = new MapfPlanner().Solve(new MapfRequest(map, starts, goals), cts.Token);
        Assert.Equal(MapfStatus.TimedOut, solution.Status);
    }

    [Fact]
    public void MalformedRequestsAreRejected()
    {
        var planner = new MapfPlanner();
        Assert.Contains("agent 1", Assert.Throws<ArgumentException>(() => planner.Solve(new MapfRequest(Corridor, [0, 0], [1, 2]), Ct)).Message, StringComparison.Ordinal);
        Assert.Contains("blocked", Assert.Throws<ArgumentException>(() => planner.Solve(new MapfRequest(Corridor, [5], [1]), Ct)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => planner.Solve(new MapfRequest(Corridor, [0], [1, 2]), Ct));
        Assert.Contains("also the goal", Assert.Throws<ArgumentException>(() => planner.Solve(new MapfRequest(Corridor, [0, 1], [2, 2]), Ct)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistanceFieldsAreReusedAcrossCalls()
    {
        var cache = new DistanceFieldCache(capacity: 8);
        var planner = new MapfPlanner(cache);
        planner.Solve(new MapfRequest(Corridor, [0, 4], [4, 0]), Ct);
        var misses = cache.Misses;
        planner.Solve(new MapfRequest(Corridor, [1, 3], [4, 0]), Ct);
        Assert.Equal(misses, cache.Misses);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void DistanceFieldCacheIsBoundedAndEvictsTheLeastRecentlyUsed()
    {
        var cache = new DistanceFieldCache(capacity: 2);
        cache.GetOrCompute(Corridor, 0);
        cache.GetOrCompute(Corridor, 1);
        cache.GetOrCompute(Corridor, 0);
        cache.GetOrCompute(Corridor, 2);
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(Corridor, 0, out var field));
        Assert.Equal(4, field[4]);
        Assert.False(cache.TryGet(Corridor, 1, out _));
    }

    /// <summary>A dense random-walk instance on a 10x10 map with obstacles (solvable by construction).</summary>
    private static (GridMap Map, int[] Starts, int[] Goals) Dense(int seed)
    {
        var random = new Random(seed);
        var map = RandomInstances.RandomMap(random, 10, 10, 0.15);
        var (starts, goals) = RandomInstances.WalkedAgents(random, map, 40, 2000, 0)!.Value;
        return (map, starts, goals);
    }
}
