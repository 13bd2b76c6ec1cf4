using System.CommandLine;
using Coordination.Bench.Placement;

namespace Coordination.Cli.Commands.Placement;

/// <summary><c>coord bench placement</c>: the placement engine against first-fit on planted instances, in the same run.</summary>
internal sealed class BenchPlacementCommand : ICommandFactory
{
    private static readonly Option<int> Nodes = new("--nodes") { Description = "Nodes to generate from the Jetson profiles.", DefaultValueFactory = _ => 1000 };
    private static readonly Option<int> Replicas = new("--replicas") { Description = "Replicas to plant (90-95 % GPU memory load).", DefaultValueFactory = _ => 10000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Instance and search seed.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the figures as JSON to this file." };
    private static readonly Option<double?> BudgetMs = new("--budget-ms") { Description = "Engine search budget in milliseconds (default 200)." };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "Runs of each solver; the median time is reported.", DefaultValueFactory = _ => 3 };
    private static readonly Option<string?> WriteCluster = new("--write-cluster") { Description = "Also write the generated cluster JSON (input of `coord placement solve`)." };

    public IReadOnlyList<string> Parents => ["bench"];

    public Command Create()
    {
        var command = new Command("placement", "GPU-aware placement: engine vs first-fit on planted instances (time, placed replicas, ratios).")
        {
            Nodes, Replicas, Seed, Json, BudgetMs, Repeat, WriteCluster,
        };
        command.SetAction((parse, ct) =>
        {
            var budget = parse.GetValue(BudgetMs);
            var args = new PlacementBenchArgs(parse.GetValue(Nodes), parse.GetValue(Replicas), parse.GetValue(Seed), parse.GetValue(Json))
            {
                Budget = budget is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                ClusterPath = parse.GetValue(WriteCluster),
                Repeat = parse.GetValue(Repeat),
            };
            return Task.FromResult(PlacementBenchRunner.Run(args, Console.Out, Console.Error, ct));
        });
        return command;
    }
}
