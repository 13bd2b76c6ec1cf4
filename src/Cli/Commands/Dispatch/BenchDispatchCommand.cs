using System.CommandLine;
using Coordination.Bench.Dispatch;

namespace Coordination.Cli.Commands;

/// <summary><c>coord bench dispatch</c>: the optimal allocator against greedy nearest-robot on a generated instance, in the same run.</summary>
internal sealed class BenchDispatchCommand : ICommandFactory
{
    private static readonly Option<int> Robots = new("--robots") { Description = "Robots to generate.", DefaultValueFactory = _ => 1000 };
    private static readonly Option<int> Tasks = new("--tasks") { Description = "Tasks to generate.", DefaultValueFactory = _ => 1000 };
    private static readonly Option<string?> Map = new("--map") { Description = "MovingAI .map file (default: a generated 256x256 grid, ~10% obstacles)." };
    private static readonly Option<int> Seed = new("--seed") { Description = "Instance (and generated map) seed.", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> Runs = new("--runs") { Description = "Timed runs per solver; the median is reported.", DefaultValueFactory = _ => 3 };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the figures as JSON to this file." };
    private static readonly Option<string?> WriteInput = new("--write-input") { Description = "Also write the generated problem JSON (input of `coord dispatch solve`)." };

    public IReadOnlyList<string> Parents => ["bench"];

    public Command Create()
    {
        var command = new Command("dispatch", "Task allocation: optimal vs greedy nearest-robot (time, cost, assigned, ratios).")
        {
            Robots, Tasks, Map, Seed, Runs, Json, WriteInput,
        };
        command.SetAction(parse => DispatchBenchmark.Run(
            new DispatchBenchArgs(parse.GetValue(Robots), parse.GetValue(Tasks), parse.GetValue(Map), parse.GetValue(Seed), parse.GetValue(Json), parse.GetValue(Runs))
            {
                InputPath = parse.GetValue(WriteInput),
            },
            Console.Out,
            Console.Error));
        return command;
    }
}
