using System.CommandLine;
using Coordination.Client.World;

namespace Coordination.Cli.Commands;

/// <summary><c>coord world show ID</c>: map, obstacles, robot positions and the snapshot version.</summary>
internal sealed class WorldShowCommand : ICommandFactory
{
    private static readonly Argument<string> World = new("world") { Description = "World (map) id." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON." };
    private static readonly Option<bool> Draw = new("--map") { Description = "Also print the grid (O obstacle, R robot)." };

    public IReadOnlyList<string> Parents => ["world"];

    public Command Create()
    {
        var command = new Command("show", "Show a world: map, obstacles, robots, versions.") { World, Json, Draw };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(
            parse,
            client => new WorldCommandRunner(client.World(), Console.Out, Console.Error).ShowAsync(parse.GetValue(World)!, parse.GetValue(Json), parse.GetValue(Draw)),
            ct));
        return command;
    }
}
