using System.Globalization;
using System.Text;
using System.Text.Json;
using Coordination.Placement.Engine;

namespace Coordination.Bench.Placement;

/// <summary>
/// Generates a planted instance (a full placement at 90–95 % GPU memory load exists by construction), then runs
/// the placement engine and the first-fit baseline on it in the same process, after a warm-up of both on a smaller
/// instance so neither pays for JIT compilation; each runs <see cref="PlacementBenchArgs.Repeat"/> times (alternating)
/// and the median time is reported. Both plans are checked against every hard rule.
/// </summary>
public static class PlacementBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    public static PlacementBenchResult Run(PlacementBenchArgs args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new PlacementOptions { Seed = args.Seed, Budget = args.Budget ?? PlacementOptions.DefaultBudget };

        // Warm-up on a mid-sized instance so both solvers run optimised (tier-1) code when measured.
        var warmUp = PlantedInstanceGenerator.Generate(Math.Min(args.Nodes, 200), Math.Min(args.Replicas, 2000), args.Seed + 1);
        for (var i = 0; i < 2; i++)
        {
            PlacementEngine.Solve(warmUp.Problem, options, cancellationToken);
            FirstFitPlacer.Solve(warmUp.Problem);
        }

        var instance = PlantedInstanceGenerator.Generate(args.Nodes, args.Replicas, args.Seed);
        if (args.ClusterPath is not null)
        {
            File.WriteAllText(args.ClusterPath, PlacementJson.WriteProblem(instance.Problem));
        }

        // Alternate the solvers so background load hits both alike; report the median time of each.
        var repeat = Math.Max(1, args.Repeat);
        var engineTimes = new double[repeat];
        var firstFitTimes = new double[repeat];
        PlacementPlan engine = null!, firstFit = null!;
        for (var i = 0; i < repeat; i++)
        {
            engine = PlacementEngine.Solve(instance.Problem, options, cancellationToken);
            firstFit = FirstFitPlacer.Solve(instance.Problem);
            engineTimes[i] = engine.Runtime.TotalMilliseconds;
            firstFitTimes[i] = firstFit.Runtime.TotalMilliseconds;
        }

        return new PlacementBenchResult(
            args.Nodes,
            instance.Planted.Count,
            instance.Problem.Workloads.Count,
            args.Seed,
            instance.GpuLoad,
            Median(engineTimes),
            Median(firstFitTimes),
            engine.Assignments.Count,
            firstFit.Assignments.Count,
            PlacementPlanChecker.Check(instance.Problem, engine).Count,
            PlacementPlanChecker.Check(instance.Problem, firstFit).Count);
    }

    /// <summary>A plain aligned table of the result.</summary>
    public static string FormatTable(PlacementBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"placement: {result.Nodes} nodes, {result.Replicas} replicas in {result.Workloads} workloads, seed {result.Seed}, planted GPU memory load {result.PlantedGpuLoad:P1}");
        text.AppendLine(c, $"{"solver",-10} {"median ms",10} {"placed",8} {"placed %",9} {"violations",11}");
        text.AppendLine(c, $"{"engine",-10} {result.EngineMs,10:0.0} {result.PlacedEngine,8} {Percent(result.PlacedEngine, result.Replicas),9} {result.EngineViolations,11}");
        text.AppendLine(c, $"{"first-fit",-10} {result.FirstFitMs,10:0.0} {result.PlacedFirstFit,8} {Percent(result.PlacedFirstFit, result.Replicas),9} {result.FirstFitViolations,11}");
        text.AppendLine(c, $"{"ratio",-10} {result.TimeRatio,9:0.00}x {result.PlacedRatio,7:0.000}x   (engine / first-fit)");
        return text.ToString();
    }

    /// <summary>The figures as JSON: <c>{"nodes", "replicas", "engineMs", "firstFitMs", "placedEngine", "placedFirstFit"}</c>.</summary>
    public static string ToJson(PlacementBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("nodes", result.Nodes);
            writer.WriteNumber("replicas", result.Replicas);
            writer.WriteNumber("engineMs", Math.Round(result.EngineMs, 3));
            writer.WriteNumber("firstFitMs", Math.Round(result.FirstFitMs, 3));
            writer.WriteNumber("placedEngine", result.PlacedEngine);
            writer.WriteNumber("placedFirstFit", result.PlacedFirstFit);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Percent(int placed, int total) =>
        total == 0 ? "-" : (100.0 * placed / total).ToString("0.00", CultureInfo.InvariantCulture);
}
