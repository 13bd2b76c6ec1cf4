using System.CommandLine;
using System.Text.Json;
using Coordination.Planning.Mapf.Grid;
using Coordination.Simulation;
using Coordination.Simulation.Kpi;
using Coordination.Simulation.Setup;
using Spectre.Console;

namespace Coordination.Cli.Commands.Simulation;

/// <summary><c>coord simulate</c>: a fleet on an in-process multi-silo cluster, with faults (see the README).</summary>
internal sealed class SimulateCommand : ICommandFactory
{
    private static readonly Option<string?> Map = new("--map") { Description = "MovingAI .map file of the floor (default: the embedded warehouse)." };
    private static readonly Option<int> Robots = new("--robots") { Description = "Simulated robots.", DefaultValueFactory = _ => 24 };
    private static readonly Option<int> Nodes = new("--nodes") { Description = "Simulated Jetson nodes.", DefaultValueFactory = _ => 6 };
    private static readonly Option<int> Silos = new("--silos") { Description = "Silos of the in-process cluster.", DefaultValueFactory = _ => 3 };
    private static readonly Option<int> Missions = new("--missions") { Description = "Missions to submit over the run.", DefaultValueFactory = _ => 60 };
    private static readonly Option<double> Seconds = new("--seconds") { Description = "Length of the run.", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of layout, missions, faults and robot imperfection.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> RedisEndpoint = new("--redis") { Description = "HOST:PORT of a Redis for clustering and grain state (a killed silo then loses nothing)." };
    private static readonly Option<double[]> KillSiloAt = new("--kill-silo-at") { Description = "Kill a silo abruptly at S seconds (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<double[]> FailNodeAt = new("--fail-node-at") { Description = "Fail a Jetson node at S seconds (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<double[]> DropRobotAt = new("--drop-robot-at") { Description = "Take a robot off the network at S seconds (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Report = new("--report") { Description = "Write the figures as JSON to this file." };

    public IReadOnlyList<string> Parents => [];

    public Command Create()
    {
        var command = new Command("simulate", "Run robots, Jetson nodes, missions and faults on an in-process cluster and report the KPIs.")
        {
            Map, Robots, Nodes, Silos, Missions, Seconds, Seed, RedisEndpoint, KillSiloAt, FailNodeAt, DropRobotAt, Report,
        };
        command.SetAction((parse, ct) => RunAsync(
            new SimulationSettings
            {
                MapPath = parse.GetValue(Map),
                Robots = parse.GetValue(Robots),
                Nodes = parse.GetValue(Nodes),
                Silos = parse.GetValue(Silos),
                Missions = parse.GetValue(Missions),
                Seconds = parse.GetValue(Seconds),
                Seed = parse.GetValue(Seed),
                Redis = parse.GetValue(RedisEndpoint),
                KillSiloAt = parse.GetValue(KillSiloAt) ?? [],
                FailNodeAt = parse.GetValue(FailNodeAt) ?? [],
                DropRobotAt = parse.GetValue(DropRobotAt) ?? [],
                ReportPath = parse.GetValue(Report),
                Live = !Console.IsOutputRedirected,
            },
            ct));
        return command;
    }

    internal static async Task<int> RunAsync(SimulationSettings settings, CancellationToken cancellationToken)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await Console.Error.WriteLineAsync($"coord simulate: {p}");
            }

            return ExitCodes.BadInput;
        }

        SimulationReport report;
        try
        {
            report = settings.Live ? await RunLiveAsync(settings, cancellationToken) : await RunPlainAsync(settings, cancellationToken);
        }
        catch (MapFormatException e)
        {
            await Console.Error.WriteLineAsync($"coord simulate: --map: {e.Message}");
            return ExitCodes.BadInput;
        }

        PrintReport(report);
        if (settings.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, CliJson.Options), cancellationToken);
        }

        return report.MissionsLost == 0 && report.Collisions == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<SimulationReport> RunPlainAsync(SimulationSettings settings, CancellationToken cancellationToken)
    {
        var last = -10.0;
        var simulator = new Simulator(settings, p =>
        {
            if (p.ElapsedSeconds - last >= 10)
            {
                last = p.ElapsedSeconds;
                Console.WriteLine(Describe(p));
            }
        });
        return await simulator.RunAsync(cancellationToken);
    }

    private static async Task<SimulationReport> RunLiveAsync(SimulationSettings settings, CancellationToken cancellationToken)
    {
        SimulationProgress? latest = null;
        var simulator = new Simulator(settings, p => latest = p);
        var run = simulator.RunAsync(cancellationToken);
        await AnsiConsole.Status().StartAsync("starting the cluster", async ctx =>
        {
            while (!run.IsCompleted)
            {
                if (latest is { } p)
                {
                    ctx.Status(Markup.Escape(Describe(p)));
                }

                await Task.WhenAny(run, Task.Delay(250, CancellationToken.None));
            }
        });
        return await run;
    }

    private static string Describe(SimulationProgress p)
    {
        var robots = string.Join(" ", p.RobotsByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
        var fault = p.Faults.Count > 0 ? $" | {p.Faults[^1]}" : string.Empty;
        return $"{p.ElapsedSeconds,5:0}/{p.TotalSeconds:0} s | tasks done {p.TasksCompleted} | robots: {robots} | nodes {p.NodesReady}/{p.Nodes} | silos {p.ActiveSilos} | collisions {p.Collisions}{fault}";
    }

    private static void PrintReport(SimulationReport r)
    {
        var table = new Table().AddColumns("KPI", "Value");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Row("missions submitted / completed / failed / cancelled", $"{r.MissionsSubmitted} / {r.MissionsCompleted} / {r.MissionsFailed} / {r.MissionsCancelled}");
        Row("missions lost", r.MissionsLost.ToString(inv));
        Row("mission success rate", r.MissionsSubmitted == 0 ? "-" : (r.MissionsCompleted / (double)r.MissionsSubmitted).ToString("P0", inv));
        Row("tasks completed (per hour)", $"{r.TasksCompleted} ({r.TasksPerHour.ToString("0", inv)})");
        Row("assignment latency p50 / p99", $"{r.AssignmentLatencyMs.P50.ToString(inv)} / {r.AssignmentLatencyMs.P99.ToString(inv)} ms");
        Row("planning time p50 / p99", $"{r.PlanningTimeMs.P50.ToString(inv)} / {r.PlanningTimeMs.P99.ToString(inv)} ms");
        Row("collisions", r.Collisions.ToString(inv));
        Row("faults: silo kills / node failures / robot drops", $"{r.SiloKills} / {r.NodeFailures} / {r.RobotDrops}");
        Row("recovery (max)", $"{r.RecoverySeconds.Max.ToString(inv)} s");
        Row("placement decisions / pod evictions / grain migrations", $"{r.PlacementDecisions} / {r.PodEvictions} / {r.GrainMigrations}");
        Row("node availability", r.NodeAvailability.ToString("P1", inv));
        Row("mean GPU utilization", r.MeanGpuUtilization.ToString("P0", inv));
        foreach (var (k, v) in r.Details ?? new Dictionary<string, double>())
        {
            Row(k, v.ToString(inv));
        }

        AnsiConsole.Write(table);
    }
}
