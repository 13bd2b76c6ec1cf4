using System.Collections.Concurrent;
using Coordination.Client.Fleet;
using Coordination.Client.Missions;
using Coordination.Client.World;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Placement;
using Coordination.Placement.Engine;
using Coordination.Silo.Migration;
using Coordination.Planning.Mapf.Grid;
using Coordination.Simulation.Cluster;
using Coordination.Simulation.Faults;
using Coordination.Simulation.Kpi;
using Coordination.Simulation.Maps;
using Coordination.Simulation.Nodes;
using Coordination.Simulation.Robots;
using Coordination.Simulation.Setup;
using Coordination.Simulation.Workload;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Simulation;

/// <summary>
/// Runs the whole coordination loop on an in-process cluster: simulated robots (SDK only), simulated Jetson
/// nodes, a seeded stream of missions and injected faults, and measures the platform's indicators.
/// </summary>
public sealed class Simulator(SimulationSettings settings, Action<SimulationProgress>? progress = null)
{
    public const string WorldId = "sim-floor";

    /// <summary>Plan step of the cooperative planner (robots move one cell per step).</summary>
    public static readonly TimeSpan StepDuration = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a dropped robot stays off the network.</summary>
    public static readonly TimeSpan DropDuration = TimeSpan.FromSeconds(8);

    /// <summary>How long after a silo kill a fresh silo joins (like a restarted pod).</summary>
    public static readonly TimeSpan SiloRestartDelay = TimeSpan.FromSeconds(5);

    private static readonly (string Profile, int MemoryMiB, int Cores, double PowerWatts)[] Profiles =
    [
        ("agx-orin-64gb", 65536, 12, 60),
        ("orin-nx-16gb", 16384, 8, 25),
        ("orin-nano-8gb", 8192, 6, 15),
        ("xavier-nx", 8192, 6, 20),
        ("agx-orin-32gb", 32768, 8, 40),
        ("orin-nx-8gb", 8192, 6, 20),
    ];

    private readonly ConcurrentDictionary<string, DateTimeOffset> _submittedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _assignmentLatencyMs = [];
    private readonly List<string> _faultLog = [];
    private readonly Dictionary<string, GridCell?> _goalSent = new(StringComparer.Ordinal);
    private readonly List<(PlannedFault Fault, DateTimeOffset At, double? RecoveredAfter)> _recoveries = [];
    private int _safetyStops;
    private int _missionsSubmitted;

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var map = settings.MapPath is null ? EmbeddedWarehouse.Create() : MovingAiMap.Load(settings.MapPath);
        var layout = FloorLayout.Create(map, settings.Robots, settings.Seed);
        var missions = MissionGenerator.Generate(layout, settings.Missions, settings.Seconds, settings.Seed);
        var faults = FaultPlan.Create(settings);
        var chargers = layout.Chargers.ToHashSet();

        using var metrics = new MetricsCollector();
        var bounds = new WorldBoundsCatalog();
        bounds.Register(WorldId, map.Width, map.Height);
        var kubernetes = new InMemoryClusterActuator();
        await using var cluster = await SimulationCluster.StartAsync(
            settings.Silos,
            settings.Redis,
            services =>
            {
                services.AddSingleton<IWorldBounds>(bounds);
                services.AddSingleton<IWorldMapSource>(new FixedWorldMapSource(WorldId, new WorldMap(map, layout.Chargers)));
                services.AddSingleton<IClusterActuator>(kubernetes);
                services.AddCoordinationMigration();
            },
            cancellationToken);

        var client = cluster.Client;
        var world = new WorldClient(client);
        var missionsClient = new MissionsClient(client);
        await world.UploadMapAsync(WorldId, MovingAiMap.Format(map), map.Name.Length > 0 ? map.Name : "floor.map");

        var robots = await StartRobotsAsync(client, layout, cancellationToken);
        var nodes = await StartNodesAsync(client, kubernetes, cancellationToken);
        _kubernetes = kubernetes;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = robots.Select(r => ReadCommandsAsync(r, stop.Token)).ToList();

        var checker = new CollisionChecker();
        var start = DateTimeOffset.UtcNow;
        var end = start + TimeSpan.FromSeconds(settings.Seconds);
        var nextMission = 0;
        var nextFault = 0;
        var nextNodeReport = start;
        var restarts = new List<DateTimeOffset>();
        var step = PlanSteps.StepAt(start, StepDuration) + 1;

        while (!cancellationToken.IsCancellationRequested)
        {
            var stepStart = PlanSteps.StartOf(step, StepDuration);
            var wait = stepStart - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var now = DateTimeOffset.UtcNow;
            if (now >= end)
            {
                break;
            }

            var elapsed = (now - start).TotalSeconds;
            while (nextMission < missions.Count && missions[nextMission].SubmitAtSeconds <= elapsed)
            {
                _ = SubmitAsync(missionsClient, missions[nextMission++]);
            }

            while (nextFault < faults.Count && faults[nextFault].AtSeconds <= elapsed)
            {
                var fault = faults[nextFault++];
                await InjectAsync(fault, cluster, robots, nodes, now, restarts, cancellationToken);
            }

            foreach (var restart in restarts.Where(r => r <= now).ToList())
            {
                restarts.Remove(restart);
                _ = cluster.AddSiloAsync();
                Log($"{elapsed:0.0}s fresh silo joining");
            }

            // Physics: every robot drives to the cell its path gives for this step.
            var current = robots.ToDictionary(r => r.Id, r => r.Cell, StringComparer.Ordinal);
            var wanted = robots.ToDictionary(r => r.Id, r => r.Wanted(step, now), StringComparer.Ordinal);
            var (positions, stops) = FloorPhysics.Step(current, wanted);
            _safetyStops += stops;
            checker.Step(step, positions);

            var calls = new List<Task>(robots.Count * 3);
            foreach (var robot in robots)
            {
                var reports = robot.Moved(positions[robot.Id], now, chargers);
                if (robot.IsDropped(now) || robot.Session is null)
                {
                    continue;
                }

                calls.Add(ReportAsync(robot, world, reports, step, now));
            }

            await Task.WhenAll(calls);

            if (now >= nextNodeReport)
            {
                nextNodeReport = now + TimeSpan.FromSeconds(1);
                await ReportNodesAsync(client, nodes);
            }

            TrackRecoveries(robots, nodes, now);
            progress?.Invoke(Snapshot(elapsed, robots, nodes, cluster, checker));
            step++;
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var report = await BuildReportAsync(missionsClient, missions, robots, nodes, checker, metrics);
        foreach (var robot in robots)
        {
            if (robot.Session is { } session)
            {
                await session.DisposeAsync();
            }
        }

        return report;
    }

    private async Task<List<SimulatedRobot>> StartRobotsAsync(IClusterClient client, FloorLayout layout, CancellationToken cancellationToken)
    {
        var robots = new List<SimulatedRobot>(settings.Robots);
        for (var i = 0; i < settings.Robots; i++)
        {
            var capabilities = i % 4 == 3 ? new[] { "lift", "camera" } : ["lift"];
            var robot = new SimulatedRobot($"robot-{i:D3}", WorldId, layout.Homes[i], capabilities, settings.Seed * 1000 + i)
            {
                OnAssigned = (a, at) =>
                {
                    if (_submittedAt.TryRemove(a.MissionId, out var submitted))
                    {
                        _assignmentLatencyMs.Add((at - submitted).TotalMilliseconds);
                    }
                },
            };
            robots.Add(robot);
        }

        // Sessions open concurrently, a few at a time, as a fleet powering on would.
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(robots.Select(async robot =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var registration = new RobotRegistration("sim-amr", robot.Capabilities, $"/{robot.Id}", WorldId, 2.0, "floor");
                robot.Session = await RobotSession.StartAsync(client, robot.Id, registration, cancellationToken: cancellationToken);
                await robot.Session.ReportTelemetryAsync(robot.Telemetry(DateTimeOffset.UtcNow), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return robots;
    }

    private async Task<List<SimulatedJetson>> StartNodesAsync(IClusterClient client, InMemoryClusterActuator kubernetes, CancellationToken cancellationToken)
    {
        var nodes = new List<SimulatedJetson>(settings.Nodes);
        for (var i = 0; i < settings.Nodes; i++)
        {
            var (profile, memory, cores, power) = Profiles[i % Profiles.Length];
            var node = new SimulatedJetson($"jetson-{i:D2}", profile, $"zone-{i % 2}", memory, cores, power, settings.Seed * 31 + i)
            {
                Demand = 0.15 + (0.1 * (i % 3)),
            };
            nodes.Add(node);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["coordination.io/jetson-profile"] = profile,
                ["topology.kubernetes.io/zone"] = node.Zone,
                ["kubernetes.io/hostname"] = node.Name,
            };
            kubernetes.SetNode(new ClusterNode(node.Name) { Labels = labels, Allocatable = new Resources(memory * 3 / 4, cores * 1000, memory) });
            await client.GetGrain<IComputeNodeGrain>(node.Name).Register(new ComputeNodeRegistration(
                profile,
                node.Zone,
                new Dictionary<string, string> { ["coordination.io/jetson-profile"] = profile },
                power)).WaitAsync(cancellationToken);
        }

        RoboticsWorkloads.AddTo(kubernetes, nodes.Count);
        await ReportNodesAsync(client, nodes);
        await client.GetGrain<IPlacementGrain>(IPlacementGrain.DefaultKey).RequestReconcile("simulation start");
        return nodes;
    }

    private async Task ReportNodesAsync(IClusterClient client, List<SimulatedJetson> nodes)
    {
        await Task.WhenAll(nodes.Select(async node =>
        {
            try
            {
                var grain = client.GetGrain<IComputeNodeGrain>(node.Name);
                if (_kubernetes is not null)
                {
                    node.Demand = RoboticsWorkloads.GpuDemand(_kubernetes.Pods, node.Name);
                }

                var status = node.Failed ? await grain.GetStatus() : await grain.ReportTegrastats(node.Sample(1.0));
                _nodeHealth[node.Name] = status.Health;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A silo failure: the node agent reports again next second.
            }
        }));
    }

    private static async Task ReadCommandsAsync(SimulatedRobot robot, CancellationToken cancellationToken)
    {
        if (robot.Session is null)
        {
            return;
        }

        try
        {
            await foreach (var command in robot.Session.ReadCommandsAsync(cancellationToken))
            {
                robot.Receive(command, DateTimeOffset.UtcNow);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReportAsync(SimulatedRobot robot, WorldClient world, List<TaskProgress> reports, long step, DateTimeOffset now)
    {
        try
        {
            foreach (var report in reports)
            {
                await robot.Session!.ReportTaskProgressAsync(report);
            }

            await robot.Session!.ReportTelemetryAsync(robot.Telemetry(now));
            robot.Accepted(now);

            var goal = robot.Goal;
            bool changed;
            lock (_goalSent)
            {
                changed = !_goalSent.TryGetValue(robot.Id, out var sent) || sent != goal;
            }

            if (changed)
            {
                if (goal is { } g)
                {
                    await world.SetGoalAsync(WorldId, robot.Id, robot.Cell, g);
                }
                else
                {
                    await world.ClearGoalAsync(WorldId, robot.Id);
                }

                lock (_goalSent)
                {
                    _goalSent[robot.Id] = goal;
                }
            }
            else
            {
                await world.ReportProgressAsync(WorldId, robot.Id, robot.Cell, step);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            robot.Failed();
            lock (_goalSent)
            {
                _goalSent.Remove(robot.Id);
            }
        }
    }

    private async Task SubmitAsync(MissionsClient missions, GeneratedMission mission)
    {
        var task = mission.Kind switch
        {
            "delivery" => MissionTaskSpec.Delivery(mission.Places[0], mission.Places[1]),
            "patrol" => MissionTaskSpec.Patrol(mission.Places, mission.Rounds),
            _ => MissionTaskSpec.Charge(mission.Places[0]),
        };
        var spec = new MissionSpec(mission.Id, WorldId, mission.Priority, null, [task]);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        _submittedAt[mission.Id] = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _missionsSubmitted);
        while (true)
        {
            try
            {
                // Idempotent by mission id: a retry after a silo failure is the same mission.
                await missions.SubmitAsync(spec);
                return;
            }
            catch (Exception e) when (e is not CoordinationValidationException && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (Exception)
            {
                _submittedAt.TryRemove(mission.Id, out _);
                return;
            }
        }
    }

    private async Task InjectAsync(PlannedFault fault, SimulationCluster cluster, List<SimulatedRobot> robots, List<SimulatedJetson> nodes, DateTimeOffset now, List<DateTimeOffset> restarts, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.KillSilo:
                if (await cluster.KillSiloAsync(fault.Target, cancellationToken))
                {
                    restarts.Add(now + SiloRestartDelay);
                    Log($"{fault.AtSeconds:0.0}s silo {fault.Target} killed");
                }

                break;
            case FaultKind.FailNode:
                nodes[fault.Target].Failed = true;
                _kubernetes?.UpdateNode(nodes[fault.Target].Name, n => n with { Ready = false });
                Log($"{fault.AtSeconds:0.0}s node {nodes[fault.Target].Name} failed");
                break;
            case FaultKind.DropRobot:
                var robot = robots[fault.Target];
                robot.DroppedUntil = now + DropDuration;
                Log($"{fault.AtSeconds:0.0}s robot {robot.Id} dropped for {DropDuration.TotalSeconds:0} s");
                break;
        }

        _recoveries.Add((fault, now, null));
    }

    private void TrackRecoveries(List<SimulatedRobot> robots, List<SimulatedJetson> nodes, DateTimeOffset now)
    {
        for (var i = 0; i < _recoveries.Count; i++)
        {
            var (fault, at, recovered) = _recoveries[i];
            if (recovered is not null)
            {
                continue;
            }

            var done = fault.Kind switch
            {
                // Every robot reports successfully again after the kill.
                FaultKind.KillSilo => robots.All(r => r.IsDropped(now) || r.LastAcceptedReport > at.AddSeconds(0.5)),

                // The robot is back and reporting.
                FaultKind.DropRobot => !robots[fault.Target].IsDropped(now) && robots[fault.Target].LastAcceptedReport >= robots[fault.Target].DroppedUntil,

                // The failed node's twin turned NotReady and its workloads run elsewhere again.
                _ => _nodeHealth.TryGetValue(nodes[fault.Target].Name, out var h) && h == NodeHealth.NotReady
                    && _kubernetes is { } k && k.Pods.All(p => p.NodeName is not null && p.NodeName != nodes[fault.Target].Name),
            };
            if (done)
            {
                var from = fault.Kind == FaultKind.DropRobot ? robots[fault.Target].DroppedUntil : at;
                _recoveries[i] = (fault, at, Math.Max(0, (now - from).TotalSeconds));
            }
        }
    }

    private readonly ConcurrentDictionary<string, NodeHealth> _nodeHealth = new(StringComparer.Ordinal);
    private InMemoryClusterActuator? _kubernetes;

    private SimulationProgress Snapshot(double elapsed, List<SimulatedRobot> robots, List<SimulatedJetson> nodes, SimulationCluster cluster, CollisionChecker checker)
    {
        var byStatus = robots
            .GroupBy(r => r.IsDropped(DateTimeOffset.UtcNow) ? "offline" : r.Status.ToString().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        List<string> faults;
        lock (_faultLog)
        {
            faults = [.. _faultLog];
        }

        return new SimulationProgress(
            elapsed,
            settings.Seconds,
            Volatile.Read(ref _missionsSubmitted),
            robots.Sum(r => r.TasksCompleted),
            byStatus,
            nodes.Count(n => !n.Failed),
            nodes.Count,
            cluster.ActiveSilos,
            checker.Collisions,
            faults);
    }

    private async Task<SimulationReport> BuildReportAsync(
        MissionsClient missionsClient,
        IReadOnlyList<GeneratedMission> missions,
        List<SimulatedRobot> robots,
        List<SimulatedJetson> nodes,
        CollisionChecker checker,
        MetricsCollector metrics)
    {
        int submitted = 0, completed = 0, failed = 0, cancelled = 0, lost = 0;
        var elapsedSubmitted = missions.Where(m => m.SubmitAtSeconds < settings.Seconds).ToList();
        foreach (var mission in elapsedSubmitted)
        {
            MissionSnapshot? status = null;
            for (var attempt = 0; attempt < 3 && status is null; attempt++)
            {
                try
                {
                    status = await missionsClient.GetStatusAsync(mission.Id).WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await Task.Delay(500);
                }
            }

            submitted++;
            switch (status?.Status)
            {
                case MissionStatus.Completed:
                    completed++;
                    break;
                case MissionStatus.Failed:
                    failed++;
                    break;
                case MissionStatus.Cancelled:
                    cancelled++;
                    break;
                case null:
                    lost++;
                    break;
            }
        }

        var tasks = robots.Sum(r => r.TasksCompleted);
        var planning = metrics.Samples("coordination.planning.solve_ms");
        var latency = _assignmentLatencyMs.ToArray();
        var recovery = _recoveries.Select(r => r.RecoveredAfter ?? (settings.Seconds - r.Fault.AtSeconds)).DefaultIfEmpty(0).Max();
        return new SimulationReport
        {
            Seed = settings.Seed,
            Robots = settings.Robots,
            Nodes = settings.Nodes,
            Silos = settings.Silos,
            Seconds = settings.Seconds,
            MissionsSubmitted = submitted,
            MissionsCompleted = completed,
            MissionsFailed = failed,
            MissionsCancelled = cancelled,
            MissionsLost = lost,
            TasksCompleted = tasks,
            TasksPerHour = Math.Round(tasks * 3600.0 / settings.Seconds, 1),
            AssignmentLatencyMs = new LatencySummary(Math.Round(Percentiles.Of(latency, 50), 1), Math.Round(Percentiles.Of(latency, 99), 1)),
            PlanningTimeMs = new LatencySummary(Math.Round(Percentiles.Of(planning.ToArray(), 50), 1), Math.Round(Percentiles.Of(planning.ToArray(), 99), 1)),
            Collisions = checker.Collisions,
            SiloKills = settings.KillSiloAt.Count,
            NodeFailures = settings.FailNodeAt.Count,
            RobotDrops = settings.DropRobotAt.Count,
            RecoverySeconds = new RecoverySummary(Math.Round(recovery, 1)),
            PlacementDecisions = (int)metrics.Sum("coordination.placement.decisions"),
            GrainMigrations = (int)metrics.Sum("coordination.placement.migrations"),
            PodEvictions = (int)metrics.Sum("coordination.placement.evictions"),
            NodeAvailability = Math.Round(NodeAvailability(nodes), 3),
            MeanGpuUtilization = Math.Round(nodes.Where(n => !n.Failed).Select(n => n.LastGpuLoad).DefaultIfEmpty(0).Average(), 3),
            Details = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["safetyStops"] = _safetyStops,
                ["vertexConflicts"] = checker.VertexConflicts,
                ["swapConflicts"] = checker.SwapConflicts,
                ["stepsChecked"] = checker.StepsChecked,
                ["reportFailures"] = robots.Sum(r => r.ReportFailures),
                ["planningSolves"] = planning.Count,
                ["podsPending"] = _kubernetes?.Pods.Count(p => p.NodeName is null) ?? 0,
                ["podsRunning"] = _kubernetes?.Pods.Count(p => p.NodeName is not null) ?? 0,
                ["planningFirstSolutionP50Ms"] = Math.Round(Percentiles.Of(metrics.Samples("coordination.planning.first_solution_ms").ToArray(), 50), 1),
                ["planningFirstSolutionP99Ms"] = Math.Round(Percentiles.Of(metrics.Samples("coordination.planning.first_solution_ms").ToArray(), 99), 1),
            },
        };
    }

    private double NodeAvailability(List<SimulatedJetson> nodes)
    {
        if (nodes.Count == 0)
        {
            return 1;
        }

        // Node-seconds up over node-seconds of the run.
        var down = settings.FailNodeAt.Sum(at => settings.Seconds - at);
        return 1 - (down / (nodes.Count * settings.Seconds));
    }

    private void Log(string line)
    {
        lock (_faultLog)
        {
            _faultLog.Add(line);
        }
    }
}
