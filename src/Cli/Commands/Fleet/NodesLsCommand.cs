using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Coordination.Client.Fleet;
using Spectre.Console;

namespace Coordination.Cli.Commands.Fleet;

/// <summary><c>coord nodes ls</c>: compute nodes from the node index, filtered by health, tier, zone, profile.</summary>
internal sealed class NodesLsCommand : ICommandFactory
{
    private static readonly Option<string?> Health = new("--health") { Description = "unknown, ready, not-ready or throttled." };
    private static readonly Option<string?> Tier = new("--tier") { Description = "high-performance, balanced or edge." };
    private static readonly Option<string?> Zone = new("--zone") { Description = "Only nodes of this zone." };
    private static readonly Option<string?> Profile = new("--profile") { Description = "Only nodes of this Jetson profile (e.g. orin-nx-16gb)." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of a table." };

    public IReadOnlyList<string> Parents => ["nodes"];

    public Command Create()
    {
        var command = new Command("ls", "List Jetson nodes: profile, tier, health, GPU, memory, temperature, power.") { Health, Tier, Zone, Profile, Json };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(parse, async client =>
        {
            IReadOnlyList<Coordination.Placement.NodeSnapshot> rows;
            try
            {
                rows = await FleetQueries.ListNodesAsync(client.Cluster, parse.GetValue(Health), parse.GetValue(Tier), parse.GetValue(Zone), parse.GetValue(Profile));
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"coord: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(Json))
            {
                var json = rows.Select(n => new
                {
                    n.NodeName,
                    n.ProfileId,
                    n.Tier,
                    Health = FleetQueries.Vocabulary(n.Health),
                    n.GpuUtilization,
                    n.MemoryUsedMiB,
                    n.MemoryTotalMiB,
                    n.TemperatureC,
                    n.PowerWatts,
                    n.PowerBudgetWatts,
                    n.CpuCores,
                    n.Labels,
                    n.At,
                });
                Console.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("Node", "Profile", "Tier", "Health", "GPU", "Memory (MiB)", "Temp (°C)", "Power (W)", "Zone", "Updated");
            foreach (var n in rows)
            {
                var health = FleetQueries.Vocabulary(n.Health);
                table.AddRow(
                    Markup.Escape(n.NodeName),
                    Markup.Escape(n.ProfileId),
                    Markup.Escape(n.Tier),
                    health switch { "ready" => "[green]ready[/]", "throttled" => "[yellow]throttled[/]", "not-ready" => "[red]not-ready[/]", _ => health },
                    (n.GpuUtilization * 100).ToString("0", c) + " %",
                    $"{n.MemoryUsedMiB.ToString(c)}/{n.MemoryTotalMiB.ToString(c)}",
                    n.TemperatureC.ToString("0.0", c),
                    $"{n.PowerWatts.ToString("0.0", c)}/{n.PowerBudgetWatts.ToString("0", c)}",
                    Markup.Escape(n.Labels.TryGetValue("zone", out var zone) ? zone : "-"),
                    n.At.ToString("u", c));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{rows.Count} node(s)");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
