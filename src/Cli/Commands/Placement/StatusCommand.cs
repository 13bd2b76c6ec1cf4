using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Coordination.Client.Placement;
using Coordination.Placement;
using Spectre.Console;

namespace Coordination.Cli.Commands.Placement;

/// <summary><c>coord placement status</c>: the placement grain's nodes, workloads, unscheduled replicas and recent decisions.</summary>
internal sealed class StatusCommand : ICommandFactory
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of tables." };

    private static readonly Option<int> Decisions = new("--decisions") { Description = "How many recent decisions to show.", DefaultValueFactory = _ => 15 };

    public IReadOnlyList<string> Parents => ["placement"];

    public Command Create()
    {
        var command = new Command("status", "Show live placement: nodes, workloads (autoscaling), unscheduled replicas, recent decisions.") { Json, Decisions };
        command.SetAction((parse, ct) => ConnectionOptions.WithClientAsync(
            parse,
            async client => Render(await new PlacementClient(client.Cluster).GetStatusAsync(), parse.GetValue(Json), parse.GetValue(Decisions)),
            ct));
        return command;
    }

    internal static int Render(PlacementStatus status, bool json, int decisions)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(status, CliJson.Options));
            return ExitCodes.Ok;
        }

        var inv = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine($"cluster [bold]{Markup.Escape(status.Cluster)}[/], actuator {Markup.Escape(status.Actuator)}, last round {(status.LastReconcileAt is { } at ? at.ToString("u", inv) : "never")}");
        if (status.LastError is { } error)
        {
            AnsiConsole.MarkupLine($"[red]last error:[/] {Markup.Escape(error)}");
        }

        var nodes = new Table().AddColumns("Node", "Health", "Ready", "Cordoned", "Pods", "GPU MiB", "Temp C", "Power W");
        foreach (var n in status.Nodes)
        {
            nodes.AddRow(
                Markup.Escape(n.Name),
                n.Health.ToString(),
                n.Ready ? "[green]yes[/]" : "[red]no[/]",
                n.Cordoned ? "[yellow]yes[/]" : "no",
                n.Pods.ToString(inv),
                $"{n.GpuMemoryRequestedMiB.ToString(inv)}/{n.GpuMemoryAllocatableMiB.ToString(inv)}",
                n.TemperatureC?.ToString("0.#", inv) ?? "-",
                n.PowerWatts is { } w ? $"{w.ToString("0.#", inv)}/{n.PowerBudgetWatts?.ToString("0.#", inv) ?? "-"}" : "-");
        }

        AnsiConsole.Write(nodes);
        var workloads = new Table().AddColumns("Workload", "Priority", "Running", "Pending", "Replicas", "Desired", "KPI");
        foreach (var w in status.Workloads)
        {
            workloads.AddRow(
                Markup.Escape(w.Workload),
                w.Priority.ToString(inv),
                w.Running.ToString(inv),
                w.Pending.ToString(inv),
                w.SpecReplicas?.ToString(inv) ?? "-",
                w.DesiredReplicas?.ToString(inv) ?? "-",
                w.Kpi is null ? "-" : Markup.Escape($"{w.Kpi} = {w.KpiValue?.ToString("0.##", inv) ?? "no reading"}"));
        }

        AnsiConsole.Write(workloads);
        foreach (var u in status.Unscheduled)
        {
            AnsiConsole.MarkupLine($"[yellow]unscheduled[/] {Markup.Escape(u)}");
        }

        var recent = new Table().AddColumns("At", "Decision", "Target", "Node", "Outcome", "Reason");
        foreach (var d in status.RecentDecisions.Take(Math.Max(0, decisions)))
        {
            recent.AddRow(
                d.At.ToString("HH:mm:ss", inv),
                d.Kind.ToString(),
                Markup.Escape(d.Target),
                Markup.Escape(d.Node ?? "-"),
                d.Outcome is ActuationOutcome.Failed ? $"[red]{d.Outcome}[/]" : d.Outcome.ToString(),
                Markup.Escape(d.Detail is null ? d.Reason : $"{d.Reason} ({d.Detail})"));
        }

        AnsiConsole.Write(recent);
        AnsiConsole.MarkupLine($"{status.Decisions.ToString(inv)} decisions, {status.Bindings.ToString(inv)} bindings, {status.Evictions.ToString(inv)} evictions");
        return ExitCodes.Ok;
    }
}
