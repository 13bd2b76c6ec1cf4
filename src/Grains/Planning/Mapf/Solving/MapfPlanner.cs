using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Refinement;
using Coordination.Planning.Mapf.Validation;

namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// The cooperative path planner: LaCAM* over PIBT (swap technique, guide paths, Monte-Carlo successor generation) for a
/// first solution, then anytime improvement until the deadline: a short LaCAM* refinement (which proves optimality on
/// small instances) and large neighbourhood search (MAPF-LNS). Complete, deterministic for a seed up to the point where
/// the deadline stops it (the iteration caps on the request make refined results deterministic). Every plan it returns has passed
/// <see cref="PlanValidator"/>. Thread-safe: each call has its own search state; the optional
/// <see cref="DistanceFieldCache"/> is shared.
/// </summary>
public sealed class MapfPlanner(DistanceFieldCache? cache = null)
{
    /// <summary>Goal value of an agent without a goal: it stays where it is or makes way for others.</summary>
    public const int NoGoal = -1;

    /// <summary>Refinement stops when the stored configurations hold this many cells (memory bound).</summary>
    private const long RefinementCellBudget = 80_000_000;

    /// <summary>Guide-path cost of passing over another agent's goal, in sixteenths of a step (two steps).</summary>
    private const int GoalPenalty = 32;

    /// <summary>Guide-path cost per other guide path using a cell (off: it did not pay on the benchmark maps).</summary>
    private const int UsagePenalty = 0;

    /// <summary>
    /// Collisions per agent left between Scatter's guide paths above which the goal-avoiding guide paths are used
    /// instead: Scatter could not spread the agents out, and its space-time guidance breaks down (measured on the
    /// benchmark maps: about 2 per agent on random-32-32-10, 4 on random-32-32-20 and warehouse, 12 on room-32-32-4,
    /// where Scatter pays; over 30 on maze-32-32-2 with 333 agents, where it does not).
    /// </summary>
    private const double ScatterCollisionLimit = 20;

    /// <summary>Scatter's guide paths may be this many steps longer than a shortest path.</summary>
    private const int ScatterMargin = 10;

    /// <summary>Rounds of Scatter's re-planning (it stops earlier once collisions stop decreasing).</summary>
    private const int ScatterRounds = 8;

    /// <summary>PIBT runs per unconstrained LaCAM successor (Monte-Carlo configuration generation).</summary>
    private const int MonteCarloRuns = 4;

    /// <summary>Share of the time limit that guide paths may take (Scatter stops early when it runs out).</summary>
    private const double GuideShare = 0.15;

    /// <summary>Share of the time limit within which successors use Monte-Carlo generation.</summary>
    private const double MonteCarloShare = 0.3;

    /// <summary>After the first solution, LaCAM* refines for this share of the time left (it can prove optimality on small instances); LNS gets the rest.</summary>
    /// <remarks>
    /// LaCAM* improves the sum of loss, not the sum of costs, and seldom helps on large instances: with 2 % rather than
    /// 10 % of the time, LNS ended lower on all ten runs measured (5 benchmark instances, 2 seeds, 10 s each; 0.3 to
    /// 3 %). A small instance is often searched exhaustively even so.
    /// </remarks>
    private const double LaCamRefineShare = 0.02;

    /// <summary>Agents re-planned together per LNS iteration: the refiner picks among these sizes by what they achieve.</summary>
    private static readonly int[] LnsNeighbourhoods = [4, 8, 16];

    /// <summary>Time kept back from the deadline for building and validating the result.</summary>
    private static readonly TimeSpan FinishReserve = TimeSpan.FromMilliseconds(15);

    private readonly DistanceFieldCache _cache = cache ?? new DistanceFieldCache();

    /// <summary>The cache of distance fields this planner uses.</summary>
    public DistanceFieldCache Cache => _cache;

    /// <summary>
    /// Plans collision-free paths. Throws <see cref="ArgumentException"/> for malformed requests (counts differ, a start
    /// or goal outside the map or blocked, two agents sharing a start or a goal).
    /// </summary>
    public MapfSolution Solve(MapfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startTimestamp = Stopwatch.GetTimestamp();
        var map = request.Map;
        var starts = request.Starts.ToArray();
        var goals = request.Goals.ToArray();
        Check(map, starts, goals);
        var n = starts.Length;

        var reserve = request.TimeLimit > FinishReserve * 4 ? FinishReserve : request.TimeLimit / 4;
        var limit = request.TimeLimit - reserve;
        var deadline = startTimestamp + (long)(Math.Max(0, limit.TotalSeconds) * Stopwatch.Frequency);

        MapfSolution Result(MapfStatus status, int lowerBound, string? detail = null, long nodes = 0) => new()
        {
            Status = status,
            LowerBound = lowerBound,
            Elapsed = Stopwatch.GetElapsedTime(startTimestamp),
            Detail = detail,
            Nodes = nodes,
        };

        if (n == 0)
        {
            return new MapfSolution { Status = MapfStatus.Solved, Elapsed = Stopwatch.GetElapsedTime(startTimestamp), FirstSolutionTime = TimeSpan.Zero, FirstSumOfCosts = 0, FirstSumOfLoss = 0, SearchExhausted = true };
        }

        var distance = GetDistances(map, goals, deadline, cancellationToken);
        if (distance is null)
        {
            return Result(MapfStatus.TimedOut, 0, "the deadline passed while computing distance fields");
        }

        var lowerBound = 0;
        for (var i = 0; i < n; i++)
        {
            if (distance[i] is { } d)
            {
                if (d[starts[i]] == DistanceField.Unreachable)
                {
                    return Result(MapfStatus.Unsolvable, 0, $"agent {i}: the goal is not reachable from the start");
                }

                lowerBound += d[starts[i]];
            }
        }

        var engine = request.Algorithm == MapfAlgorithm.LaCamStar;
        Dictionary<int, int>?[]? guide = null;
        if (engine && request.GuidePaths)
        {
            // Scatter pays wherever it manages to spread the agents out; where many collisions remain between its
            // paths (every corridor contested) the static goal-avoiding guide does better (measured on the benchmark maps).
            var now = Stopwatch.GetTimestamp();
            var guideDeadline = now + (long)(Math.Max(0, deadline - now) * GuideShare);
            guide = Solving.Scatter.Compute(map, starts, goals, distance, ScatterMargin, ScatterRounds, guideDeadline, out var collisions);
            if (collisions != long.MaxValue && collisions > ScatterCollisionLimit * n)
            {
                guide = Solving.GuidePaths.Compute(map, starts, goals, distance, GoalPenalty, UsagePenalty, passes: 1, deadline);
            }
        }

        var search = new LaCamSearch(map, starts, goals, distance, request.Seed, guide, swap: engine, monteCarlo: engine ? MonteCarloRuns : 1)
        {
            // Monte-Carlo generation multiplies PIBT's cost: past this point the search falls back to single runs.
            MonteCarloUntil = startTimestamp + (long)(Math.Max(0, deadline - startTimestamp) * MonteCarloShare),
        };
        var maxNodes = Math.Max(1, RefinementCellBudget / n);
        if (request.MaxRefinementNodes is { } cap)
        {
            maxNodes = Math.Min(maxNodes, cap);
        }

        LaCamOutcome outcome;
        if (request.Algorithm == MapfAlgorithm.Pibt)
        {
            outcome = search.RunPibt(startTimestamp, deadline, PibtStepBudget(map), cancellationToken);
            if (outcome.First is null)
            {
                return Result(MapfStatus.TimedOut, lowerBound, $"PIBT reached no goal configuration within {outcome.Nodes} steps or before the deadline", outcome.Nodes);
            }
        }
        else
        {
            outcome = search.Run(startTimestamp, deadline, engine && request.Refine, maxNodes, cancellationToken, LaCamRefineShare);
        }

        if (outcome.First is null)
        {
            return outcome.Exhausted
                ? Result(MapfStatus.Unsolvable, lowerBound, "the search space is exhausted: no plan exists", outcome.Nodes)
                : Result(MapfStatus.TimedOut, lowerBound, "no plan found before the deadline", outcome.Nodes);
        }

        var firstPaths = ToPaths(outcome.First, goals);
        var firstCost = SumOfCosts(firstPaths);
        var paths = firstPaths;
        var cost = firstCost;
        if (outcome.Best is not null && !ReferenceEquals(outcome.Best, outcome.First))
        {
            var bestPaths = ToPaths(outcome.Best, goals);
            var bestCost = SumOfCosts(bestPaths);
            if (bestCost < cost && PlanValidator.Validate(map, starts, goals, bestPaths).Count == 0)
            {
                paths = bestPaths;
                cost = bestCost;
            }
        }

        long lnsIterations = 0;
        if (engine && request.Refine && !outcome.Exhausted && cost > lowerBound && Stopwatch.GetTimestamp() < deadline
            && PlanValidator.Validate(map, starts, goals, paths).Count == 0)
        {
            // Large neighbourhood search from the best plan so far, until the deadline (or stagnation).
            search = null;
            outcome = outcome with { First = null, Best = null };
            var refined = (int[][])paths.Clone();
            var lns = new LnsRefiner(map, goals, distance, request.Seed, LnsNeighbourhoods);
            lns.Improve(refined, lowerBound, deadline, request.MaxRefinementIterations ?? long.MaxValue, cancellationToken);
            lnsIterations = lns.Iterations;
            var refinedCost = SumOfCosts(refined);
            if (refinedCost < cost && PlanValidator.Validate(map, starts, goals, refined).Count == 0)
            {
                paths = refined;
                cost = refinedCost;
            }
        }

        var violations = PlanValidator.Validate(map, starts, goals, paths);
        if (violations.Count > 0)
        {
            return Result(MapfStatus.InvalidPlan, lowerBound, "internal error, the plan failed validation: " + violations[0].Message, outcome.Nodes);
        }

        var makespan = 0;
        foreach (var p in paths)
        {
            makespan = Math.Max(makespan, p.Length - 1);
        }

        return new MapfSolution
        {
            Status = MapfStatus.Solved,
            Paths = paths,
            SumOfCosts = cost,
            Makespan = makespan,
            LowerBound = lowerBound,
            Elapsed = Stopwatch.GetElapsedTime(startTimestamp),
            FirstSolutionTime = outcome.FirstTime,
            FirstSumOfCosts = firstCost,
            FirstSumOfLoss = SumOfLoss(firstPaths, goals),
            Nodes = outcome.Nodes,
            RefinementIterations = lnsIterations,
            SearchExhausted = outcome.Exhausted,
        };
    }

    /// <summary>Timesteps one-shot PIBT may take before it is deemed stuck.</summary>
    private static int PibtStepBudget(GridMap map) => Math.Max(256, 8 * (map.Width + map.Height));

    private static void Check(GridMap map, int[] starts, int[] goals)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (starts.Length != goals.Length)
        {
            throw new ArgumentException($"{starts.Length} starts but {goals.Length} goals", nameof(goals));
        }

        var startOwner = new Dictionary<int, int>(starts.Length);
        var goalOwner = new Dictionary<int, int>(goals.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            if (!map.IsPassable(starts[i]))
            {
                throw new ArgumentException($"agent {i}: start cell {starts[i]} is outside the map or blocked", nameof(starts));
            }

            if (!startOwner.TryAdd(starts[i], i))
            {
                throw new ArgumentException($"agent {i}: start cell {starts[i]} is also the start of agent {startOwner[starts[i]]}", nameof(starts));
            }

            if (goals[i] == NoGoal)
            {
                continue;
            }

            if (!map.IsPassable(goals[i]))
            {
                throw new ArgumentException($"agent {i}: goal cell {goals[i]} is outside the map or blocked", nameof(goals));
            }

            if (!goalOwner.TryAdd(goals[i], i))
            {
                throw new ArgumentException($"agent {i}: goal cell {goals[i]} is also the goal of agent {goalOwner[goals[i]]}", nameof(goals));
            }
        }
    }

    /// <summary>Distance arrays per agent (null for agents without a goal), from the cache or computed in parallel.</summary>
    private int[]?[]? GetDistances(GridMap map, int[] goals, long deadline, CancellationToken cancellationToken)
    {
        var fields = new DistanceField?[goals.Length];
        var missing = new List<int>();
        for (var i = 0; i < goals.Length; i++)
        {
            if (goals[i] != NoGoal && !_cache.TryGet(map, goals[i], out fields[i]!))
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var timedOut = false;
            Parallel.For(
                0,
                missing.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = CancellationToken.None },
                (k, state) =>
                {
                    if (Stopwatch.GetTimestamp() >= deadline || cancellationToken.IsCancellationRequested)
                    {
                        timedOut = true;
                        state.Stop();
                        return;
                    }

                    var i = missing[k];
                    fields[i] = DistanceField.Compute(map, goals[i]);
                });
            if (timedOut)
            {
                return null;
            }

            foreach (var i in missing)
            {
                _cache.Add(map, fields[i]!);
            }
        }

        var distance = new int[]?[goals.Length];
        for (var i = 0; i < goals.Length; i++)
        {
            distance[i] = fields[i] is { } f ? f.Distances : null;
        }

        return distance;
    }

    private static int[][] ToPaths(List<int[]> configs, int[] goals)
    {
        var n = goals.Length;
        var paths = new int[n][];
        for (var i = 0; i < n; i++)
        {
            // Keep the path up to the timestep at which the agent settles for good.
            var last = 0;
            if (goals[i] == NoGoal)
            {
                for (var t = configs.Count - 1; t > 0; t--)
                {
                    if (configs[t][i] != configs[t - 1][i])
                    {
                        last = t;
                        break;
                    }
                }
            }
            else
            {
                for (var t = configs.Count - 1; t >= 0; t--)
                {
                    if (configs[t][i] != goals[i])
                    {
                        last = t + 1;
                        break;
                    }
                }
            }

            var path = new int[last + 1];
            for (var t = 0; t <= last; t++)
            {
                path[t] = configs[t][i];
            }

            paths[i] = path;
        }

        return paths;
    }

    /// <summary>Sum of loss of paths: the steps that cost under LaCAM's edge cost (<see cref="LaCamSearch.StepCosts"/>).</summary>
    internal static int SumOfLoss(int[][] paths, int[] goals)
    {
        var sum = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            var p = paths[i];
            for (var t = 1; t < p.Length; t++)
            {
                if (LaCamSearch.StepCosts(goals[i], p[t - 1], p[t]))
                {
                    sum++;
                }
            }
        }

        return sum;
    }

    private static int SumOfCosts(int[][] paths)
    {
        var sum = 0;
        foreach (var p in paths)
        {
            sum += p.Length - 1;
        }

        return sum;
    }
}
