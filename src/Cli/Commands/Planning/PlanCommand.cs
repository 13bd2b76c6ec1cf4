using System.CommandLine;
using Coordination.Planning.Mapf.Running;

namespace Coordination.Cli.Commands.Planning;

/// <summary><c>coord plan</c>: one-shot multi-agent path finding on MovingAI files (see shared/contracts/mapf.md).</summary>
internal sealed class PlanCommand : ICommandFactory
{
    private static readonly Option<string> Map = new("--map") { Description = "MovingAI .map file.", Required = true };
    private static readonly Option<string> Scen = new("--scen") { Description = "MovingAI .scen file.", Required = true };
    private static readonly Option<int> Agents = new("--agents") { Description = "Plan the first K agents of the scen file.", Required = true };
    private static readonly Option<double> TimeLimit = new("--time-limit") { Description = "Hard wall-clock limit in seconds after the map is loaded.", DefaultValueFactory = _ => 10 };
    private static readonly Option<string?> Out = new("--out") { Description = "Write the JSON to this file instead of stdout." };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Seed of the planner's tie-breaking.", DefaultValueFactory = _ => 0 };

    public IReadOnlyList<string> Parents => [];

    public Command Create()
    {
        var command = new Command("plan", "Plan collision-free paths (LaCAM*) for the first K agents of a MovingAI scenario; exit 0 solved, 3 not solved, 2 bad input.")
        {
            Map, Scen, Agents, TimeLimit, Out, Seed,
        };
        command.SetAction((parse, ct) => Task.FromResult(PlanRunner.Run(
            new PlanArguments(parse.GetValue(Map)!, parse.GetValue(Scen)!, parse.GetValue(Agents), parse.GetValue(TimeLimit), parse.GetValue(Out), parse.GetValue(Seed)),
            Console.Out,
            Console.Error,
            ct)));
        return command;
    }
}
