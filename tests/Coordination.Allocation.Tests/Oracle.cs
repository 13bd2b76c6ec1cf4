using Coordination.Missions.Allocation;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Allocation.Tests;

/// <summary>
/// Independent references: eligibility and costs recomputed from the contract's words (decimal battery arithmetic,
/// <see cref="GridMap.DistancesTo"/> or Manhattan), the optimum by exhaustive search for tiny instances and by a dense
/// Hungarian method with explicit priority weights for medium ones.
/// </summary>
internal sealed class Oracle
{
    private readonly AllocationProblem _problem;
    private readonly int?[,] _cost;
    private readonly int[] _levels;

    public Oracle(AllocationProblem problem)
    {
        _problem = problem;
        var tasks = problem.Tasks;
        var robots = problem.Robots;
        _cost = new int?[tasks.Count, robots.Count];
        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            var field = problem.Map?.DistancesTo(problem.Map.ToCell(task.X, task.Y));
            for (var r = 0; r < robots.Count; r++)
            {
                var robot = robots[r];
                var ok = robot.Available
                    && task.Requires.All(robot.Capabilities.Contains)
                    && (decimal)robot.BatteryPercent - (decimal)task.EnergyPercent >= (decimal)problem.ReserveBatteryPercent;
                if (!ok)
                {
                    continue;
                }

                if (field is null)
                {
                    _cost[t, r] = Math.Abs(robot.X - task.X) + Math.Abs(robot.Y - task.Y);
                }
                else
                {
                    var cell = problem.Map!.ToCell(robot.X, robot.Y);
                    _cost[t, r] = field.IsReachable(cell) ? field[cell] : null;
                }
            }
        }

        _levels = [.. tasks.Select(t => t.Priority).Distinct().OrderDescending()];
    }

    /// <summary>The cost of the pair, or null when the robot may not take the task.</summary>
    public int? Cost(int task, int robot) => _cost[task, robot];

    public Objective Evaluate(IEnumerable<(int Task, int Robot)> pairs)
    {
        var counts = new int[_levels.Length];
        long cost = 0;
        foreach (var (t, r) in pairs)
        {
            counts[Array.IndexOf(_levels, _problem.Tasks[t].Priority)]++;
            cost += _cost[t, r] ?? throw new InvalidOperationException($"task {t} / robot {r} is not eligible");
        }

        return new Objective(counts, cost);
    }

    public Objective Evaluate(AllocationResult result) =>
        Evaluate(result.Assignments.Select(a => (a.TaskIndex, a.RobotIndex)));

    /// <summary>Every matching, tried.</summary>
    public Objective BruteForce()
    {
        var taskCount = _problem.Tasks.Count;
        var robotCount = _problem.Robots.Count;
        var used = new bool[robotCount];
        var chosen = new List<(int, int)>();
        Objective? best = null;

        void Visit(int t)
        {
            if (t == taskCount)
            {
                var value = Evaluate(chosen);
                if (best is null || value.CompareTo(best) > 0)
                {
                    best = value;
                }

                return;
            }

            Visit(t + 1);
            for (var r = 0; r < robotCount; r++)
            {
                if (!used[r] && _cost[t, r] is not null)
                {
                    used[r] = true;
                    chosen.Add((t, r));
                    Visit(t + 1);
                    chosen.RemoveAt(chosen.Count - 1);
                    used[r] = false;
                }
            }
        }

        Visit(0);
        return best!;
    }

    /// <summary>
    /// A square assignment (tasks plus one dummy row per robot, robots plus one dummy column per task) minimising
    /// cost minus a priority weight that dominates every lower level and every cost sum; O(n^3), dense.
    /// </summary>
    public Objective Hungarian()
    {
        var taskCount = _problem.Tasks.Count;
        var robotCount = _problem.Robots.Count;
        long maxCost = 1;
        foreach (var c in _cost)
        {
            maxCost = Math.Max(maxCost, c ?? 0);
        }

        var weight = new long[_levels.Length];
        long w = (maxCost * taskCount) + 1;
        for (var i = _levels.Length - 1; i >= 0; i--)
        {
            weight[i] = w;
            w = checked(w * (taskCount + 1));
        }

        var forbidden = checked(w * 4);
        var n = taskCount + robotCount;
        var a = new long[n + 1, n + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                if (i <= taskCount && j <= robotCount)
                {
                    var c = _cost[i - 1, j - 1];
                    a[i, j] = c is null ? forbidden : c.Value - weight[Array.IndexOf(_levels, _problem.Tasks[i - 1].Priority)];
                }
            }
        }

        var columnOfRow = Solve(a, n);
        var pairs = new List<(int, int)>();
        for (var i = 1; i <= taskCount; i++)
        {
            var j = columnOfRow[i];
            if (j <= robotCount && a[i, j] != forbidden)
            {
                pairs.Add((i - 1, j - 1));
            }
        }

        return Evaluate(pairs);
    }

    private static int[] Solve(long[,] a, int n)
    {
        // Potentials method for the square assignment problem, rows and columns 1-based, column 0 a sentinel.
        var u = new long[n + 1];
        var v = new long[n + 1];
        var rowOfColumn = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOfColumn[0] = i;
            var j0 = 0;
            var minv = new long[n + 1];
            Array.Fill(minv, long.MaxValue);
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = rowOfColumn[j0];
                var delta = long.MaxValue;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (!used[j])
                    {
                        var cur = a[i0, j] - u[i0] - v[j];
                        if (cur < minv[j])
                        {
                            minv[j] = cur;
                            way[j] = j0;
                        }

                        if (minv[j] < delta)
                        {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (rowOfColumn[j0] != 0);

            do
            {
                var j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var columnOfRow = new int[n + 1];
        for (var j = 1; j <= n; j++)
        {
            columnOfRow[rowOfColumn[j]] = j;
        }

        return columnOfRow;
    }
}
