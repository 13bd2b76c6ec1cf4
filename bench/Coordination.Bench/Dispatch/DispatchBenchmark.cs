using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Coordination.Missions.Allocation;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Bench.Dispatch;

/// <summary>
/// <c>coord bench dispatch</c>: the optimal allocator against the greedy nearest-robot baseline on one generated
/// instance, in the same run. Both times include eligibility and the distance searches. Exit 0 when the optimum is at
/// least as good as greedy (lexicographically: per-priority assigned counts, then cost), 1 when not, 2 on bad input.
/// </summary>
public static class DispatchBenchmark
{
    public const int Ok = 0;

    public const int Failed = 1;

    public const int BadInput = 2;

    private const string Command = "coord bench dispatch";

    public static int Run(DispatchBenchArgs args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var bad = new List<string>();
        if (args.Robots < 0)
        {
            bad.Add($"--robots: must be 0 or more, got {args.Robots}");
        }

        if (args.Tasks < 0)
        {
            bad.Add($"--tasks: must be 0 or more, got {args.Tasks}");
        }

        if (args.Runs < 1)
        {
            bad.Add($"--runs: must be at least 1, got {args.Runs}");
        }

        GridMap map;
        try
        {
            map = args.MapPath is null ? DispatchInstanceGenerator.RandomMap(256, 256, 0.10, args.Seed) : MovingAiMap.Load(args.MapPath);
        }
        catch (MapFormatException e)
        {
            bad.Add(e.Message);
            map = GridMap.Open(1, 1);
        }

        if (map.PassableCount == 0)
        {
            bad.Add($"{args.MapPath}: the map has no passable cell");
        }

        if (bad.Count > 0)
        {
            foreach (var line in bad)
            {
                stderr.WriteLine($"{Command}: {line}");
            }

            return BadInput;
        }

        var problem = DispatchInstanceGenerator.Generate(map, args.Robots, args.Tasks, args.Seed);
        if (args.InputPath is not null && !TryWrite(args.InputPath, AllocationJson.WriteProblem(problem), stderr))
        {
            return BadInput;
        }

        // Warm up the JIT on a small instance of the same map, then time each solver.
        var warmUp = DispatchInstanceGenerator.Generate(map, Math.Min(args.Robots, 50), Math.Min(args.Tasks, 50), args.Seed + 1);
        TaskAllocator.Solve(warmUp);
        TaskAllocator.SolveGreedy(warmUp);
        var (optimal, optimalCpu) = Median(args.Runs, () => TaskAllocator.Solve(problem));
        var (greedy, greedyCpu) = Median(args.Runs, () => TaskAllocator.SolveGreedy(problem));

        var levels = problem.Tasks.Select(t => t.Priority).Distinct().OrderDescending().ToArray();
        var optimalCounts = CountsByLevel(problem, optimal, levels);
        var greedyCounts = CountsByLevel(problem, greedy, levels);
        var countOrder = CompareCounts(optimalCounts, greedyCounts);
        var ok = countOrder > 0 || (countOrder == 0 && optimal.TotalCost <= greedy.TotalCost);

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch: {args.Robots} robots x {args.Tasks} tasks on {map.Name} ({map.Width}x{map.Height}), seed {args.Seed}, {optimal.Stats.CostedPairs} pairs costed by the optimum, median of {args.Runs} runs; cpu = process CPU time of that run"));
        stdout.WriteLine();
        var header = $"{"solver",-8} {"time ms",10} {"cpu ms",10} {"setup ms",10} {"match ms",10} {"assigned",9} {"total cost",11}  assigned by priority ({string.Join(" > ", levels)})";
        stdout.WriteLine(header);
        stdout.WriteLine(new string('-', header.Length));
        stdout.WriteLine(Row("optimal", optimal, optimalCpu, optimalCounts));
        stdout.WriteLine(Row("greedy", greedy, greedyCpu, greedyCounts));
        stdout.WriteLine();
        var timeRatio = optimal.Runtime.TotalMilliseconds / Math.Max(greedy.Runtime.TotalMilliseconds, 1e-9);
        var costRatio = greedy.TotalCost == 0 ? double.NaN : (double)optimal.TotalCost / greedy.TotalCost;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimal / greedy: time {timeRatio:0.00}x, cost {costRatio:0.000}x, assigned {optimal.Assignments.Count} vs {greedy.Assignments.Count}"));
        stdout.WriteLine(ok
            ? "check: ok (optimal assigns at least as many tasks at every priority, lexicographically, and costs no more at equal counts)"
            : "check: FAILED (greedy beat the optimum on the lexicographic objective)");

        if (args.JsonPath is not null)
        {
            var report = new DispatchBenchReport(
                args.Robots,
                args.Tasks,
                Math.Round(optimal.Runtime.TotalMilliseconds, 3),
                Math.Round(greedy.Runtime.TotalMilliseconds, 3),
                optimal.TotalCost,
                greedy.TotalCost,
                optimal.Assignments.Count,
                greedy.Assignments.Count);
            if (!TryWrite(args.JsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n", stderr))
            {
                return BadInput;
            }
        }

        return ok ? Ok : Failed;
    }

    private static bool TryWrite(string path, string text, TextWriter stderr)
    {
        try
        {
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{Command}: {path}: cannot write the file: {e.Message}");
            return false;
        }
    }

    /// <summary>The run with the median wall time, and the process CPU time it took (the solvers are single-threaded).</summary>
    private static (AllocationResult Result, TimeSpan Cpu) Median(int runs, Func<AllocationResult> solve)
    {
        var results = new List<(AllocationResult Result, TimeSpan Cpu)>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var result = solve();
            process.Refresh();
            results.Add((result, process.TotalProcessorTime - before));
        }

        return results.OrderBy(r => r.Result.Runtime).ElementAt(runs / 2);
    }

    private static int[] CountsByLevel(AllocationProblem problem, AllocationResult result, int[] levels)
    {
        var counts = new int[levels.Length];
        foreach (var a in result.Assignments)
        {
            counts[Array.IndexOf(levels, problem.Tasks[a.TaskIndex].Priority)]++;
        }

        return counts;
    }

    private static int CompareCounts(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    private static string Row(string name, AllocationResult r, TimeSpan cpu, int[] counts) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-8} {r.Runtime.TotalMilliseconds,10:0.0} {cpu.TotalMilliseconds,10:0.0} {r.Stats.SetupTime.TotalMilliseconds,10:0.0} {r.Stats.MatchTime.TotalMilliseconds,10:0.0} {r.Assignments.Count,9} {r.TotalCost,11}  {string.Join(" / ", counts)}");
}
