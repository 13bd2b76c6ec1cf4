using System.CommandLine;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Spectre.Console;

namespace Coordination.Cli.Commands.Cluster;

/// <summary><c>coord status</c>: the silos of the cluster with their status and activation counts.</summary>
internal sealed class StatusCommand : ICommandFactory
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of a table." };

    public IReadOnlyList<string> Parents => [];

    public Command Create()
    {
        var command = new Command("status", "List the silos of the cluster: address, name, status, activations.") { Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(parse, client => RunAsync(client.Cluster, parse.GetValue(Json)), ct));
        return command;
    }

    internal static async Task<int> RunAsync(IClusterClient cluster, bool json)
    {
        var rows = await ClusterStatus.ReadAsync(cluster);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("Address", "Name", "Host", "Status", "Activations", "Since");
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Address),
                Markup.Escape(r.Name),
                Markup.Escape(r.Host),
                r.Status == "Active" ? $"[green]{r.Status}[/]" : Markup.Escape(r.Status),
                r.Activations?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                r.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{rows.Count(r => r.Status == "Active")} active silo(s), {rows.Sum(r => r.Activations ?? 0)} activations");
        return ExitCodes.Ok;
    }
}
