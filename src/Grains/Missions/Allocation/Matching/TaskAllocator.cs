using System.Diagnostics;

namespace Coordination.Missions.Allocation;

/// <summary>
/// The dispatcher's allocation step. Each robot takes at most one task and each task at most one robot; the optimal
/// allocation assigns as many tasks as possible, higher priority first (a task of priority p outranks any number of
/// lower-priority tasks), and among those has the minimum total travel cost.
/// </summary>
public static class TaskAllocator
{
    /// <summary>The exact optimum of the lexicographic objective (priority levels, then count, then cost).</summary>
    /// <param name="problem">Robots, tasks, reserve and optional map.</param>
    /// <param name="costs">Travel costs; by default shortest paths on <see cref="AllocationProblem.Map"/>, or Manhattan without a map.</param>
    /// <exception cref="AllocationInputException">The problem is invalid; every problem is listed with its JSON path.</exception>
    public static AllocationResult Solve(AllocationProblem problem, TravelCosts? costs = null) =>
        Run(problem, costs, LexicographicMatcher.Solve);

    /// <summary>The greedy baseline: by priority, each task to its nearest eligible free robot.</summary>
    public static AllocationResult SolveGreedy(AllocationProblem problem, TravelCosts? costs = null) =>
        Run(problem, costs, GreedyMatcher.Solve);

    /// <summary>Whether <paramref name="robot"/> may take <paramref name="task"/>, reachability aside.</summary>
    public static bool IsEligible(RobotSnapshot robot, ReadyTask task, double reserveBatteryPercent)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(task);
        var problem = new AllocationProblem([robot], [task], reserveBatteryPercent);
        return new Eligibility(problem).IsEligible(0, 0);
    }

    private static AllocationResult Run(AllocationProblem problem, TravelCosts? costs, Func<TaskEdges, IReadOnlyList<int>, int[]> match)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        costs ??= problem.Map is null ? TravelCosts.Manhattan : TravelCosts.OnMap(problem.Map);
        var checkedProblem = problem.Map is null && costs.Map is not null ? problem with { Map = costs.Map } : problem;
        if (problem.Map is not null && costs.Map is not null
            && (problem.Map.Width != costs.Map.Width || problem.Map.Height != costs.Map.Height))
        {
            throw new ArgumentException(
                $"the travel costs are measured on a {costs.Map.Width}x{costs.Map.Height} map but the problem's map is {problem.Map.Width}x{problem.Map.Height}",
                nameof(costs));
        }

        AllocationProblemValidator.ThrowIfInvalid(checkedProblem);

        var eligibility = new Eligibility(problem);
        var edges = costs.Build(problem, eligibility, eligibility.ComputeSets());
        var setupTime = clock.Elapsed;

        var priority = problem.Tasks.Select(t => t.Priority).ToArray();
        var robotOfTask = match(edges, priority);
        var matchTime = clock.Elapsed - setupTime;

        var assignments = new List<Assignment>();
        var unassigned = new List<string>();
        long total = 0;
        for (var t = 0; t < problem.Tasks.Count; t++)
        {
            var r = robotOfTask[t];
            if (r < 0)
            {
                unassigned.Add(problem.Tasks[t].Id);
                continue;
            }

            var cost = edges.CostOf(t, r);
            total += cost;
            assignments.Add(new Assignment(r, t, problem.Robots[r].Id, problem.Tasks[t].Id, cost));
        }

        clock.Stop();
        return new AllocationResult(assignments, unassigned, total, clock.Elapsed, new AllocationStats(edges.EdgeCount, setupTime, matchTime));
    }
}
