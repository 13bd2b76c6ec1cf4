using System.CommandLine;

namespace Coordination.Cli.Commands.Missions;

/// <summary><c>coord mission watch ID</c>: live updates until the mission is over.</summary>
internal sealed class MissionWatchCommand : ICommandFactory
{
    public IReadOnlyList<string> Parents => MissionCommands.Parents;

    public Command Create()
    {
        var id = MissionCommands.Id();
        var json = new Option<bool>("--json") { Description = "Print one JSON status per line." };
        var command = new Command("watch", "Follow a mission's events until it is over; exit 0 when it completed, 1 when it failed or was cancelled.") { id, json };
        command.SetAction((parse, ct) => MissionCommands.RunAsync(parse, r => r.WatchAsync(parse.GetValue(id)!, parse.GetValue(json), ct), ct));
        return command;
    }
}
