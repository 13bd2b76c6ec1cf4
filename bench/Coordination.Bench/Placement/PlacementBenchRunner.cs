namespace Coordination.Bench.Placement;

/// <summary>Behind <c>coord bench placement</c>: checks the arguments, runs, prints the table, writes <c>--json</c>. Exit 0, or 2 on bad arguments.</summary>
public static class PlacementBenchRunner
{
    /// <summary>Upper bounds that keep a typo from exhausting memory.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Upper bound on <c>--replicas</c>.</summary>
    public const int MaxReplicas = 2_000_000;

    /// <summary>Runs the benchmark command.</summary>
    public static int Run(PlacementBenchArgs args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? error = args switch
        {
            { Nodes: < 1 or > MaxNodes } => $"--nodes: must be between 1 and {MaxNodes}",
            { Replicas: < 0 or > MaxReplicas } => $"--replicas: must be between 0 and {MaxReplicas}",
            { Budget: { } budget } when budget < TimeSpan.Zero => "--budget-ms: must be >= 0",
            { Repeat: < 1 or > 100 } => "--repeat: must be between 1 and 100",
            _ => null,
        };
        if (error is not null)
        {
            stderr.WriteLine($"coord bench placement: {error}");
            return 2;
        }

        PlacementBenchResult result;
        try
        {
            result = PlacementBenchmark.Run(args, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coord bench placement: --write-cluster {args.ClusterPath}: {ex.Message}");
            return 2;
        }

        stdout.Write(PlacementBenchmark.FormatTable(result));
        if (args.JsonPath is not null)
        {
            try
            {
                File.WriteAllText(args.JsonPath, PlacementBenchmark.ToJson(result));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"coord bench placement: --json {args.JsonPath}: {ex.Message}");
                return 2;
            }
        }

        return 0;
    }
}
