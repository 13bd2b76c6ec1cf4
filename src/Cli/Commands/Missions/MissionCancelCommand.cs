using System.CommandLine;

namespace Coordination.Cli.Commands.Missions;

/// <summary><c>coord mission cancel ID</c>: cancels a mission; robots holding its tasks drop them.</summary>
internal sealed class MissionCancelCommand : ICommandFactory
{
    public IReadOnlyList<string> Parents => MissionCommands.Parents;

    public Command Create()
    {
        var id = MissionCommands.Id();
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the mission's history)." };
        var json = MissionCommands.Json();
        var command = new Command("cancel", "Cancel a mission (a no-op when it is already over).") { id, reason, json };
        command.SetAction((parse, ct) => MissionCommands.RunAsync(parse, r => r.CancelAsync(parse.GetValue(id)!, parse.GetValue(reason), parse.GetValue(json)), ct));
        return command;
    }
}
