using System.CommandLine;
using Coordination.Missions.Allocation;

namespace Coordination.Cli.Commands;

/// <summary><c>coord dispatch solve</c>: what-if task allocation on a snapshot of robots and ready tasks (contract dispatch.md).</summary>
internal sealed class DispatchSolveCommand : ICommandFactory
{
    private static readonly Option<string> Input = new("--input") { Description = "Problem JSON: robots, tasks, reserveBatteryPercent.", Required = true };
    private static readonly Option<string?> Map = new("--map") { Description = "MovingAI .map file for travel costs (default: Manhattan distance on an open grid)." };
    private static readonly Option<string?> Out = new("--out") { Description = "Write the allocation JSON to this file (default: stdout)." };

    public IReadOnlyList<string> Parents => ["dispatch"];

    public Command Create()
    {
        var command = new Command("solve", "Optimal allocation: most tasks by priority, then least travel; exit 0 with a plan, 2 on bad input.")
        {
            Input, Map, Out,
        };
        command.SetAction(parse => DispatchRunner.Run(
            new DispatchSolveArgs(parse.GetValue(Input)!, parse.GetValue(Map), parse.GetValue(Out)),
            Console.Out,
            Console.Error));
        return command;
    }
}
