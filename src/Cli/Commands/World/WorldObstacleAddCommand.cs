using System.CommandLine;
using Coordination.Client.World;

namespace Coordination.Cli.Commands;

/// <summary><c>coord world obstacle add --world ID --cell X,Y [--ttl SECONDS]</c>.</summary>
internal sealed class WorldObstacleAddCommand : ICommandFactory
{
    private static readonly Option<string> World = new("--world") { Description = "World (map) id.", Required = true };
    private static readonly Option<string> Cell = new("--cell") { Description = "The cell as X,Y (column,row).", Required = true };
    private static readonly Option<double?> Ttl = new("--ttl") { Description = "Seconds until the obstacle expires (default: until removed)." };
    private static readonly Option<string> Source = new("--source") { Description = "Who reports it.", DefaultValueFactory = _ => "operator" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON." };

    public IReadOnlyList<string> Parents => ["world", "obstacle"];

    public Command Create()
    {
        var command = new Command("add", "Block a cell of a world (planners re-plan around it).") { World, Cell, Ttl, Source, Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(
            parse,
            client => new WorldCommandRunner(client.World(), Console.Out, Console.Error)
                .AddObstacleAsync(parse.GetValue(World)!, parse.GetValue(Cell)!, parse.GetValue(Ttl), parse.GetValue(Source) ?? "operator", parse.GetValue(Json)),
            ct));
        return command;
    }
}
