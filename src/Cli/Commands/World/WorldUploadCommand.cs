using System.CommandLine;
using Coordination.Client.World;

namespace Coordination.Cli.Commands;

/// <summary><c>coord world upload --world ID --map FILE</c>: uploads (or replaces) a world's MovingAI map.</summary>
internal sealed class WorldUploadCommand : ICommandFactory
{
    private static readonly Option<string> World = new("--world") { Description = "World (map) id.", Required = true };
    private static readonly Option<string> Map = new("--map") { Description = "MovingAI .map file.", Required = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON." };

    public IReadOnlyList<string> Parents => ["world"];

    public Command Create()
    {
        var command = new Command("upload", "Upload a MovingAI .map file as a world's occupancy grid.") { World, Map, Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(
            parse,
            client => new WorldCommandRunner(client.World(), Console.Out, Console.Error).UploadAsync(parse.GetValue(World)!, parse.GetValue(Map)!, parse.GetValue(Json), ct),
            ct));
        return command;
    }
}
