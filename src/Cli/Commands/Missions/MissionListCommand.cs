using System.CommandLine;

namespace Coordination.Cli.Commands.Missions;

/// <summary><c>coord mission ls</c>: unfinished and recent missions from the mission index.</summary>
internal sealed class MissionListCommand : ICommandFactory
{
    public IReadOnlyList<string> Parents => MissionCommands.Parents;

    public Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only missions in this state: queued, assigned, underway, completed, failed, cancelled." };
        var world = new Option<string?>("--world") { Description = "Only missions of this world." };
        var limit = new Option<int>("--limit") { Description = "At most this many (1-1000), newest first.", DefaultValueFactory = _ => 100 };
        var json = MissionCommands.Json();
        var command = new Command("ls", "List missions, newest first (every unfinished one and the recent finished ones).") { status, world, limit, json };
        command.SetAction((parse, ct) => MissionCommands.RunAsync(
            parse, r => r.ListAsync(parse.GetValue(status), parse.GetValue(world), parse.GetValue(limit), parse.GetValue(json)), ct));
        return command;
    }
}
