using System.CommandLine;
using Coordination.Client.World;

namespace Coordination.Cli.Commands;

/// <summary><c>coord world obstacle rm --world ID --cell X,Y</c>; exits 1 when there was no obstacle.</summary>
internal sealed class WorldObstacleRemoveCommand : ICommandFactory
{
    private static readonly Option<string> World = new("--world") { Description = "World (map) id.", Required = true };
    private static readonly Option<string> Cell = new("--cell") { Description = "The cell as X,Y (column,row).", Required = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON." };

    public IReadOnlyList<string> Parents => ["world", "obstacle"];

    public Command Create()
    {
        var command = new Command("rm", "Remove the obstacle on a cell of a world.") { World, Cell, Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(
            parse,
            client => new WorldCommandRunner(client.World(), Console.Out, Console.Error).RemoveObstacleAsync(parse.GetValue(World)!, parse.GetValue(Cell)!, parse.GetValue(Json)),
            ct));
        return command;
    }
}
