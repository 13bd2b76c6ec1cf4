using System.CommandLine;
using Coordination.Placement.Engine;

namespace Coordination.Cli.Commands.Placement;

/// <summary><c>coord placement solve</c>: what-if placement of workloads on a Jetson cluster (contract placement.md).</summary>
internal sealed class PlacementSolveCommand : ICommandFactory
{
    private static readonly Option<string> Cluster = new("--cluster") { Description = "Cluster JSON: nodes, workloads and the current placement.", Required = true };
    private static readonly Option<string?> Out = new("--out") { Description = "Write the plan JSON to this file (default: stdout)." };
    private static readonly Option<bool> Explain = new("--explain") { Description = "Print every node's verdict for every replica (stderr when the plan goes to stdout)." };
    private static readonly Option<double?> BudgetMs = new("--budget-ms") { Description = "Search budget after the constructive pass, in milliseconds (default 200)." };
    private static readonly Option<int> Seed = new("--seed") { Description = "Search seed.", DefaultValueFactory = _ => 0 };

    public IReadOnlyList<string> Parents => ["placement"];

    public Command Create()
    {
        var command = new Command("solve", "Plan where workloads go, what is evicted and why; exit 0 with a plan, 2 on bad input.")
        {
            Cluster, Out, Explain, BudgetMs, Seed,
        };
        command.SetAction((parse, ct) =>
        {
            var budget = parse.GetValue(BudgetMs);
            if (budget is < 0)
            {
                Console.Error.WriteLine("coord placement solve: --budget-ms: must be >= 0");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var args = new PlacementSolveArgs(parse.GetValue(Cluster)!, parse.GetValue(Out), parse.GetValue(Explain))
            {
                Budget = budget is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                Seed = parse.GetValue(Seed),
            };
            return Task.FromResult(PlacementRunner.Run(args, Console.Out, Console.Error, ct));
        });
        return command;
    }
}
