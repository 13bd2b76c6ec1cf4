using System.CommandLine;
using Coordination.Bench.Mapf;

namespace Coordination.Cli.Commands.Planning;

/// <summary><c>coord bench mapf</c>: LaCAM* on the MovingAI benchmark against its baselines in the same run.</summary>
internal sealed class BenchMapfCommand : ICommandFactory
{
    private static readonly Option<string> Data = new("--data") { Description = "Folder with the MovingAI .map and .scen files.", Required = true };
    private static readonly Option<double> TimeLimit = new("--time-limit") { Description = "Seconds per instance (each planner).", DefaultValueFactory = _ => 10 };
    private static readonly Option<string> Scenarios = new("--scenarios") { Description = "Scenario numbers, e.g. 1-5 or 2.", DefaultValueFactory = _ => "1-5" };
    private static readonly Option<string?> Maps = new("--maps") { Description = "Comma-separated map names (default: all eight)." };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the figures as JSON to this file." };
    private static readonly Option<bool> Lacam3 = new("--lacam3") { Description = "Run the six LaCAM3 reference instances and compare first solutions with the published figures." };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Planner seed.", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> FirstOnly = new("--first-only") { Description = "Stop LaCAM* at its first solution (no refinement)." };

    public IReadOnlyList<string> Parents => ["bench"];

    public Command Create()
    {
        var command = new Command("mapf", "Multi-agent path finding: LaCAM* vs baselines (LaCAM over plain PIBT, one-shot PIBT, prioritized planning) on map x scenario instances.")
        {
            Data, TimeLimit, Scenarios, Maps, Json, Lacam3, Seed, FirstOnly,
        };
        command.SetAction((parse, ct) =>
        {
            var range = parse.GetValue(Scenarios)!;
            if (!MapfBenchmark.TryParseRange(range, out var first, out var last))
            {
                Console.Error.WriteLine($"coord bench mapf: --scenarios: expected a range like 1-5, got '{range}'");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var maps = parse.GetValue(Maps)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var args = new MapfBenchArgs(parse.GetValue(Data)!, parse.GetValue(TimeLimit), first, last, maps, parse.GetValue(Json), parse.GetValue(Lacam3), parse.GetValue(Seed), parse.GetValue(FirstOnly));
            return Task.FromResult(MapfBenchmark.Run(args, Console.Out, Console.Error, ct));
        });
        return command;
    }
}
