using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Scenarios;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;

namespace Coordination.Bench.Mapf;

/// <summary>
/// <c>coord bench mapf</c>: runs LaCAM* on map x scenario instances of the MovingAI benchmark with the first K agents,
/// and, in the same run and with the same deadline, the baselines: LaCAM over plain PIBT (first solution; the ratios
/// are against it), one-shot PIBT and prioritized planning. Prints a per-instance table and a summary; <c>--lacam3</c>
/// runs the six instances with published LaCAM3 figures and compares with them.
/// </summary>
public static class MapfBenchmark
{
    public static readonly IReadOnlyList<(string Map, int Agents)> Standard =
    [
        ("empty-32-32", 400),
        ("random-32-32-10", 350),
        ("random-32-32-20", 300),
        ("room-32-32-4", 200),
        ("maze-32-32-2", 120),
        ("warehouse-10-20-10-2-1", 800),
        ("den520d", 800),
        ("Berlin_1_256", 800),
    ];

    /// <summary>
    /// LaCAM3 (Okumura, AAMAS 2024) first-solution figures on random-1: time and cost / lower bound. LaCAM3's cost is
    /// its search's edge cost, the sum of loss (staying on the goal is free), so the table sets our first solution's
    /// sum of loss beside it as well as our sum of costs.
    /// </summary>
    public static readonly IReadOnlyList<MapfBenchInstance> Lacam3Reference =
    [
        new("random-32-32-10", 1, 461, 369, 1.93),
        new("random-32-32-20", 1, 409, 1800, 2.43),
        new("room-32-32-4", 1, 341, 2100, 4.12),
        new("maze-32-32-2", 1, 333, 438, 3.65),
        new("warehouse-10-20-10-2-1", 1, 1000, 3400, 1.67),
        new("den520d", 1, 1000, 7000, 1.02),
    ];

    public static int Run(MapfBenchArgs args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!Directory.Exists(args.DataDir))
        {
            stderr.WriteLine($"coord bench mapf: --data: folder '{args.DataDir}' does not exist");
            return 2;
        }

        if (args.TimeLimitSeconds <= 0 || !double.IsFinite(args.TimeLimitSeconds))
        {
            stderr.WriteLine($"coord bench mapf: --time-limit: must be a positive number of seconds, got {args.TimeLimitSeconds}");
            return 2;
        }

        if (args.FirstScenario < 1 || args.LastScenario > 25 || args.FirstScenario > args.LastScenario)
        {
            stderr.WriteLine($"coord bench mapf: --scenarios: expected a range like 1-5, got {args.FirstScenario}-{args.LastScenario}");
            return 2;
        }

        var instances = new List<MapfBenchInstance>();
        if (args.Lacam3)
        {
            instances.AddRange(Lacam3Reference.Where(i => args.Maps is null || args.Maps.Contains(i.Map)));
        }
        else
        {
            foreach (var name in args.Maps ?? Standard.Select(s => s.Map).ToList())
            {
                var known = Standard.FirstOrDefault(s => s.Map == name);
                if (known.Map is null)
                {
                    stderr.WriteLine($"coord bench mapf: --maps: unknown map '{name}' (known: {string.Join(", ", Standard.Select(s => s.Map))})");
                    return 2;
                }

                for (var s = args.FirstScenario; s <= args.LastScenario; s++)
                {
                    instances.Add(new MapfBenchInstance(name, s, known.Agents));
                }
            }
        }

        var rows = new List<MapfBenchRow>();
        stdout.WriteLine(Header());
        foreach (var instance in instances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MapfBenchRow row;
            try
            {
                row = RunInstance(args, instance, cancellationToken);
            }
            catch (MapFormatException e)
            {
                stderr.WriteLine($"coord bench mapf: {e.Message}");
                return 2;
            }

            rows.Add(row);
            stdout.WriteLine(Line(row));
            stdout.Flush();
        }

        stdout.WriteLine();
        stdout.Write(Summary(rows, args.Lacam3));
        if (args.JsonPath is not null)
        {
            try
            {
                File.WriteAllText(args.JsonPath, JsonSerializer.Serialize(new { args.TimeLimitSeconds, args.Lacam3, args.FirstOnly, rows }, new JsonSerializerOptions { WriteIndented = true }));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"coord bench mapf: --json: cannot write '{args.JsonPath}': {e.Message}");
                return 2;
            }
        }

        return rows.All(r => r.Solved) ? 0 : 1;
    }

    private static MapfBenchRow RunInstance(MapfBenchArgs args, MapfBenchInstance instance, CancellationToken cancellationToken)
    {
        var map = MovingAiMap.Load(Path.Combine(args.DataDir, instance.Map + ".map"));
        var scen = MovingAiScenario.Load(Path.Combine(args.DataDir, $"{instance.Map}-random-{instance.Scenario}.scen"));
        var (starts, goals) = scen.Resolve(map, instance.Agents);
        var limit = TimeSpan.FromSeconds(args.TimeLimitSeconds);

        MapfSolution Plan(MapfAlgorithm algorithm, bool refine)
        {
            // A fresh planner (and so a fresh distance-field cache) per run: every run pays for its own fields.
            GC.Collect();
            return new MapfPlanner().Solve(
                new MapfRequest(map, starts, goals) { Seed = args.Seed, TimeLimit = limit, Refine = refine, Algorithm = algorithm },
                cancellationToken);
        }

        var solution = Plan(MapfAlgorithm.LaCamStar, !args.FirstOnly);
        static MapfBaselineResult Baseline(MapfSolution s) =>
            new(s.Solved, s.Solved ? s.FirstSumOfCosts : null, (s.Solved ? s.FirstSolutionTime!.Value : s.Elapsed).TotalMilliseconds);

        var lacam = Baseline(Plan(MapfAlgorithm.LaCam, refine: false));
        var pibt = Baseline(Plan(MapfAlgorithm.Pibt, refine: false));

        GC.Collect();
        var baselineStart = Stopwatch.GetTimestamp();
        var pp = PrioritizedPlanner.Solve(map, starts, goals, baselineStart + (long)(limit.TotalSeconds * Stopwatch.Frequency));
        var ppMs = Stopwatch.GetElapsedTime(baselineStart).TotalMilliseconds;
        int? ppCost = null;
        if (pp is not null && PlanValidator.Validate(map, starts, goals, pp).Count == 0)
        {
            ppCost = pp.Sum(p => p.Length - 1);
        }

        GC.Collect();
        double? Ratio(int? cost) => cost is { } c && solution.LowerBound > 0 ? (double)c / solution.LowerBound : null;
        return new MapfBenchRow(
            instance.Map,
            instance.Scenario,
            instance.Agents,
            solution.Solved,
            solution.FirstSolutionTime?.TotalMilliseconds,
            solution.FirstSumOfCosts,
            solution.Solved ? solution.SumOfCosts : null,
            solution.LowerBound,
            Ratio(solution.FirstSumOfCosts),
            Ratio(solution.Solved ? solution.SumOfCosts : null),
            solution.Elapsed.TotalMilliseconds,
            lacam,
            pibt,
            new MapfBaselineResult(ppCost is not null, ppCost, ppMs),
            instance.ReferenceMs,
            instance.ReferenceRatio,
            solution.FirstSumOfLoss,
            Ratio(solution.FirstSumOfLoss));
    }

    private const string RowFormat = "{0,-24} {1,4} {2,6} {3,6} {4,9} {5,7} {6,7} {7,9} {8,7} {9,7} {10,7} {11,9} {12,7} {13,8}";

    private static string Header() => string.Format(
        CultureInfo.InvariantCulture, RowFormat, "map", "scen", "agents", "solved", "first ms", "S/L 1st", "S/L end", "LaCAM ms", "LaCAM", "PIBT", "PP", "ref ms", "ref S/L", "SoL 1st");

    private static string Line(MapfBenchRow r) => string.Format(
        CultureInfo.InvariantCulture,
        RowFormat,
        r.Map,
        r.Scenario,
        r.Agents,
        r.Solved ? "yes" : "NO",
        F(r.FirstSolutionMs, "F1"),
        F(r.FirstRatio),
        F(r.FinalRatio),
        r.LaCam.Solved ? F(r.LaCam.Ms, "F1") : "-",
        Solved(r.LaCam, r.LowerBound),
        Solved(r.Pibt, r.LowerBound),
        Solved(r.Prioritized, r.LowerBound),
        F(r.ReferenceMs, "F0"),
        F(r.ReferenceRatio),
        F(r.FirstLossRatio));

    /// <summary>A baseline's SoC / lower bound, or "fail".</summary>
    private static string Solved(MapfBaselineResult b, int lowerBound) => b.Solved ? F(b.Ratio(lowerBound)) : "fail";

    private static string Summary(List<MapfBenchRow> rows, bool lacam3)
    {
        var sb = new StringBuilder();
        var solved = rows.Count(r => r.Solved);
        sb.Append(CultureInfo.InvariantCulture, $"solved: LaCAM* {solved}/{rows.Count}; baselines: LaCAM (plain PIBT) {rows.Count(r => r.LaCam.Solved)}/{rows.Count}, one-shot PIBT {rows.Count(r => r.Pibt.Solved)}/{rows.Count}, prioritized planning {rows.Count(r => r.Prioritized.Solved)}/{rows.Count}\n");
        var small = rows.Where(r => r.Solved && !new MapfBenchInstance(r.Map, 0, 0).IsLarge).Select(r => r.FirstSolutionMs!.Value).ToList();
        var large = rows.Where(r => r.Solved && new MapfBenchInstance(r.Map, 0, 0).IsLarge).Select(r => r.FirstSolutionMs!.Value).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"median time to first solution: 32x32 maps {F(Median(small), "F1")} ms ({small.Count} solved), large maps {F(Median(large), "F1")} ms ({large.Count} solved)\n");
        sb.Append(string.Format(CultureInfo.InvariantCulture, "{0,-24} {1,9} {2,9} {3,9} {4,9} {5,9} {6,14}\n", "map (means)", "S/L first", "S/L final", "LaCAM S/L", "PIBT S/L", "PP S/L", "final/LaCAM"));
        foreach (var group in rows.GroupBy(r => r.Map))
        {
            var both = group.Where(r => r.Solved && r.LaCam.Solved).ToList();
            sb.Append(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-24} {1,9} {2,9} {3,9} {4,9} {5,9} {6,14}\n",
                group.Key,
                F(Mean(group.Where(r => r.FirstRatio is not null).Select(r => r.FirstRatio!.Value))),
                F(Mean(group.Where(r => r.FinalRatio is not null).Select(r => r.FinalRatio!.Value))),
                F(Mean(group.Where(r => r.LaCam.Solved).Select(r => r.LaCam.Ratio(r.LowerBound)!.Value))),
                F(Mean(group.Where(r => r.Pibt.Solved).Select(r => r.Pibt.Ratio(r.LowerBound)!.Value))),
                F(Mean(group.Where(r => r.Prioritized.Solved).Select(r => r.Prioritized.Ratio(r.LowerBound)!.Value))),
                both.Count == 0 ? "-" : F(Mean(both.Select(r => (double)r.SumOfCosts!.Value / r.LaCam.SumOfCosts!.Value))) + $" ({both.Count})"));
        }

        var common = rows.Where(r => r.Solved && r.LaCam.Solved).ToList();
        if (common.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"vs the LaCAM baseline on the {common.Count} instances both solved: SoC first/LaCAM {F(Mean(common.Select(r => (double)r.FirstSumOfCosts!.Value / r.LaCam.SumOfCosts!.Value)))}, final/LaCAM {F(Mean(common.Select(r => (double)r.SumOfCosts!.Value / r.LaCam.SumOfCosts!.Value)))}, time to first solution (geometric mean) {F(GeoMean(common.Select(r => r.FirstSolutionMs!.Value / Math.Max(0.01, r.LaCam.Ms))))}x\n");
        }

        foreach (var (name, pick) in new (string, Func<MapfBenchRow, MapfBaselineResult>)[] { ("one-shot PIBT", r => r.Pibt), ("prioritized planning", r => r.Prioritized) })
        {
            var shared = rows.Where(r => r.Solved && pick(r).Solved).ToList();
            if (shared.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"vs {name} on the {shared.Count} instances both solved: SoC final/{name} {F(Mean(shared.Select(r => (double)r.SumOfCosts!.Value / pick(r).SumOfCosts!.Value)))}\n");
            }
        }

        if (lacam3)
        {
            var compared = rows.Where(r => r.Solved && r.ReferenceRatio is not null).ToList();
            // LaCAM3 reports its first solution's search cost, which is the sum of loss: compare like with like, and
            // also show where our sum of costs (the coord plan contract's measure, never below the loss) stands.
            sb.Append(CultureInfo.InvariantCulture, $"first solution no worse than LaCAM3's reported cost (sum of loss / LB): {compared.Count(r => NoWorse(r.FirstLossRatio, r.ReferenceRatio))}/{rows.Count}; by sum of costs / LB: first {compared.Count(r => NoWorse(r.FirstRatio, r.ReferenceRatio))}/{rows.Count}, final {compared.Count(r => NoWorse(r.FinalRatio, r.ReferenceRatio))}/{rows.Count}; first solution faster than LaCAM3's time on {compared.Count(r => r.FirstSolutionMs <= r.ReferenceMs)}/{rows.Count}\n");
        }

        return sb.ToString();
    }

    /// <summary>Our ratio against a published one given to two decimals: compared at that precision.</summary>
    private static bool NoWorse(double? ours, double? reference) =>
        ours is { } o && reference is { } r && Math.Round(o, 2, MidpointRounding.AwayFromZero) <= r;

    /// <summary>Parses <c>3</c> or <c>1-5</c>.</summary>
    public static bool TryParseRange(string text, out int first, out int last)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        first = last = 0;
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
        {
            return false;
        }

        return first >= 1 && first <= last;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    private static double? GeoMean(IEnumerable<double> values)
    {
        var list = values.Where(v => v > 0).ToList();
        return list.Count == 0 ? null : Math.Exp(list.Average(Math.Log));
    }

    private static string F(double? value, string format = "F2") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
