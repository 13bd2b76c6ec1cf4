using System.Globalization;

namespace Coordination.Placement.Engine;

/// <summary>
/// Behind <c>coord placement solve</c>: reads and validates the cluster file, plans, writes the plan JSON to
/// <c>--out</c> or stdout, and with <c>--explain</c> prints the verdict table (to stderr when the JSON goes to
/// stdout). Exit 0 when a plan was produced (even with unscheduled replicas), 2 on bad input.
/// </summary>
public static class PlacementRunner
{
    /// <summary>A plan was produced.</summary>
    public const int ExitOk = 0;

    /// <summary>Bad input: the message names the file and the JSON path of the offending field.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Runs the command.</summary>
    public static int Run(PlacementSolveArgs args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string json;
        try
        {
            json = File.ReadAllText(args.ClusterPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"coord placement solve: --cluster {args.ClusterPath}: {Describe(ex)}");
            return ExitBadInput;
        }

        PlacementProblem problem;
        try
        {
            problem = PlacementJson.ReadProblem(json);
        }
        catch (PlacementValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine($"{args.ClusterPath}: {error.Path}: {error.Message}");
            }

            return ExitBadInput;
        }

        var options = new PlacementOptions { Budget = args.Budget ?? PlacementOptions.DefaultBudget, Seed = args.Seed };
        var plan = PlacementEngine.Solve(problem, options, cancellationToken);
        var output = PlacementJson.WritePlan(plan);
        if (args.OutPath is null)
        {
            stdout.Write(output);
        }
        else
        {
            try
            {
                File.WriteAllText(args.OutPath, output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"coord placement solve: --out {args.OutPath}: {Describe(ex)}");
                return ExitBadInput;
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"placed {plan.Assignments.Count}/{plan.Assignments.Count + plan.Unscheduled.Count} replicas, {plan.Unscheduled.Count} unscheduled, {plan.Evictions.Count} evictions, {plan.Moves} moves in {plan.Runtime.TotalMilliseconds:0.0} ms -> {args.OutPath}"));
        }

        if (args.Explain)
        {
            ExplanationTable.Write(PlacementEngine.Explain(problem, plan), args.OutPath is null ? stderr : stdout);
        }

        return ExitOk;
    }

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException => "file not found",
        DirectoryNotFoundException => "directory not found",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
