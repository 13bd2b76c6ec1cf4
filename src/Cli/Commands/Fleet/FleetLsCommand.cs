using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Coordination.Client.Fleet;
using Spectre.Console;

namespace Coordination.Cli.Commands.Fleet;

/// <summary><c>coord fleet ls</c>: robots from the fleet index (no twin is activated), filtered by status, capability, zone.</summary>
internal sealed class FleetLsCommand : ICommandFactory
{
    private static readonly Option<string?> Status = new("--status") { Description = "idle, charging, working, error, offline, shutdown or uninitialized." };
    private static readonly Option<string?> Capability = new("--capability") { Description = "Only robots with this capability." };
    private static readonly Option<string?> Zone = new("--zone") { Description = "Only robots of this zone." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of a table." };

    public IReadOnlyList<string> Parents => ["fleet"];

    public Command Create()
    {
        var command = new Command("ls", "List robots: status, battery, cell, task, zone, capabilities.") { Status, Capability, Zone, Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(parse, async client =>
        {
            IReadOnlyList<Coordination.Fleet.RobotSummary> rows;
            try
            {
                rows = await FleetQueries.ListRobotsAsync(client.Cluster, parse.GetValue(Status), parse.GetValue(Capability), parse.GetValue(Zone));
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"coord: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(Json))
            {
                var json = rows.Select(r => new
                {
                    r.RobotId,
                    r.Model,
                    Status = FleetQueries.Vocabulary(r.Status),
                    r.BatteryPercent,
                    Cell = r.Cell is { } c ? new { c.X, c.Y } : null,
                    r.CurrentTaskId,
                    r.Zone,
                    r.WorldId,
                    r.Capabilities,
                    r.UpdatedAt,
                });
                Console.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Robot", "Model", "Status", "Battery", "Cell", "Task", "Zone", "World", "Capabilities", "Updated");
            foreach (var r in rows)
            {
                table.AddRow(
                    Markup.Escape(r.RobotId),
                    Markup.Escape(r.Model),
                    Colour(FleetQueries.Vocabulary(r.Status)),
                    r.BatteryPercent.ToString("0.#", CultureInfo.InvariantCulture) + " %",
                    r.Cell?.ToString() ?? "-",
                    Markup.Escape(r.CurrentTaskId ?? "-"),
                    Markup.Escape(r.Zone.Length == 0 ? "-" : r.Zone),
                    Markup.Escape(r.WorldId),
                    Markup.Escape(string.Join(',', r.Capabilities)),
                    r.UpdatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{rows.Count} robot(s)");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string Colour(string status) => status switch
    {
        "idle" or "working" => $"[green]{status}[/]",
        "charging" => $"[yellow]{status}[/]",
        "error" or "offline" => $"[red]{status}[/]",
        _ => status,
    };
}
