using System.CommandLine;

namespace Coordination.Cli.Commands.Missions;

/// <summary><c>coord mission status ID</c>: a mission's lifecycle, tasks, estimates and (optionally) history.</summary>
internal sealed class MissionStatusCommand : ICommandFactory
{
    public IReadOnlyList<string> Parents => MissionCommands.Parents;

    public Command Create()
    {
        var id = MissionCommands.Id();
        var history = new Option<bool>("--history") { Description = "Also print the mission's events with their timestamps." };
        var json = MissionCommands.Json();
        var command = new Command("status", "Show a mission: status, tasks, robots, estimated and actual durations.") { id, history, json };
        command.SetAction((parse, ct) => MissionCommands.RunAsync(parse, r => r.StatusAsync(parse.GetValue(id)!, parse.GetValue(history), parse.GetValue(json)), ct));
        return command;
    }
}
