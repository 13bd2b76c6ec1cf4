using System.Text;
using Coordination.Fleet;
using Coordination.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// The dispatcher of one world: keeps the ready queue and what it learns of the world's robots, and allocates in
/// debounced rounds (a burst of events shares one round) with the optimal engine. Missions stay the source of
/// truth: they re-send ready tasks the dispatcher may have lost, and the dispatcher checks its tasks in flight
/// against their missions on a reconcile timer.
/// </summary>
public sealed partial class DispatcherGrain(
    [PersistentState("dispatcher", CoordinationStorage.Name)] IPersistentState<DispatcherState> state,
    IWorldMapSource maps,
    DispatchPlanner planner,
    IRobotCommands robots,
    IOptions<MissionsOptions> options,
    TimeProvider clock,
    ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain
{
    private const int MaxMissionChecksPerPass = 200;

    private readonly MissionsOptions _options = options.Value;
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _noCapableSince = new(StringComparer.Ordinal);

    /// <summary>Tasks withdrawn lately: a ticket for one of them that arrives late (messages may overtake each other) is dropped.</summary>
    private readonly Dictionary<string, DateTimeOffset> _withdrawn = new(StringComparer.Ordinal);
    private IGrainTimer? _roundTimer;
    private bool _roundScheduled;
    private bool _dirty;
    private DateTimeOffset _lastWorldReconcile;

    private string WorldId => this.GetPrimaryKeyString();

    private DispatcherState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _roundTimer = this.RegisterGrainTimer(RunRoundAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(ReconcileAsync, new GrainTimerCreationOptions(_options.ReconcileInterval, _options.ReconcileInterval) { KeepAlive = true });
        _lastWorldReconcile = clock.GetUtcNow();

        // Missions re-send whatever this activation may not know (e.g. tickets received after the last checkpoint).
        GrainFactory.GetGrain<IMissionIndexGrain>(MissionIndex.Key).ReconcileWorld(WorldId).Ignore();
        if (S.Queue.Count > 0 || S.Robots.Count > 0)
        {
            ScheduleRound();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task RobotUpdated(RobotSummary robot)
    {
        if (robot is null || string.IsNullOrEmpty(robot.RobotId))
        {
            return;
        }

        if (!string.Equals(robot.WorldId, WorldId, StringComparison.Ordinal))
        {
            if (S.Robots.Remove(robot.RobotId))
            {
                _dirty = true;
                await RequeueTasksOf(robot.RobotId, $"robot moved to world '{robot.WorldId}'");
            }

            return;
        }

        if (S.Robots.TryGetValue(robot.RobotId, out var known) && known.UpdatedAt > robot.UpdatedAt)
        {
            return;
        }

        S.Robots[robot.RobotId] = robot;
        _refused.Remove(robot.RobotId);
        _dirty = true;
        if (robot.Status is RobotStatus.Offline or RobotStatus.Error or RobotStatus.Shutdown or RobotStatus.Uninitialized)
        {
            await RequeueTasksOf(robot.RobotId, $"robot {robot.RobotId} is {robot.Status.ToString().ToLowerInvariant()}");
            return;
        }

        if (robot.CurrentTaskId is { } held)
        {
            if (S.Queue.Remove(held, out var ticket))
            {
                // The robot holds a task this dispatcher had queued (its assignment was not checkpointed): adopt it.
                Adopt(ticket, robot.RobotId);
            }
            else if (S.InFlight.TryGetValue(held, out var flight) && !string.Equals(flight.RobotId, robot.RobotId, StringComparison.Ordinal))
            {
                await StopRobot(robot.RobotId, held, $"task {held} was given to robot {flight.RobotId}");
            }

            return;
        }

        if (IsFree(robot))
        {
            ScheduleRound();
        }
    }

    public Task Enqueue(IReadOnlyList<DispatchTicket> tickets)
    {
        if (tickets is null)
        {
            return Task.CompletedTask;
        }

        Dictionary<string, string>? holders = null;
        foreach (var ticket in tickets)
        {
            if (ticket is null || string.IsNullOrEmpty(ticket.TaskId) || _withdrawn.ContainsKey(ticket.TaskId))
            {
                continue;
            }

            if (S.InFlight.TryGetValue(ticket.TaskId, out var flight))
            {
                if (ticket.RevokedRobot is { } revoked && string.Equals(revoked, flight.RobotId, StringComparison.Ordinal))
                {
                    S.InFlight.Remove(ticket.TaskId);
                    S.Queue[ticket.TaskId] = ticket with { RevokedRobot = null };
                    MissionsInstruments.Requeued.Add(1);
                    LogRevoked(logger, WorldId, ticket.TaskId, revoked);
                }
                else
                {
                    // The mission missed the assignment notice: send it again.
                    GrainFactory.GetGrain<IMissionGrain>(ticket.MissionId).TaskAssigned(flight.Notice(WorldId)).Ignore();
                }

                continue;
            }

            holders ??= S.Robots.Values
                .Where(r => r.CurrentTaskId is not null && r.Status is not (RobotStatus.Offline or RobotStatus.Error or RobotStatus.Shutdown))
                .GroupBy(r => r.CurrentTaskId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().RobotId, StringComparer.Ordinal);
            if (ticket.RevokedRobot is null && holders.TryGetValue(ticket.TaskId, out var holder)
                && !S.InFlight.Values.Any(f => string.Equals(f.RobotId, holder, StringComparison.Ordinal)))
            {
                S.Queue.Remove(ticket.TaskId);
                Adopt(ticket, holder);
                continue;
            }

            S.Queue[ticket.TaskId] = S.Queue.TryGetValue(ticket.TaskId, out var queued) && queued.ReadyAt < ticket.ReadyAt
                ? ticket with { ReadyAt = queued.ReadyAt, RevokedRobot = null }
                : ticket with { RevokedRobot = null };
        }

        _dirty = true;
        ScheduleRound();
        return Task.CompletedTask;
    }

    public async Task Withdraw(string taskId, bool stopRobot, string reason)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            return;
        }

        var removed = S.Queue.Remove(taskId);
        _noCapableSince.Remove(taskId);
        _withdrawn[taskId] = clock.GetUtcNow();
        if (S.InFlight.Remove(taskId, out var flight))
        {
            removed = true;
            if (stopRobot)
            {
                await StopRobot(flight.RobotId, taskId, reason);
            }

            ScheduleRound();
        }

        var slash = taskId.LastIndexOf('/');
        if (slash > 0)
        {
            removed |= S.ChargeMissions.Remove(taskId[..slash]);
        }

        _dirty |= removed;
    }

    public Task<DispatcherSnapshot> GetSnapshot() => Task.FromResult(new DispatcherSnapshot(
        WorldId,
        [.. S.Queue.Values.OrderBy(t => t.ReadyAt).ThenBy(t => t.TaskId, StringComparer.Ordinal)],
        [.. S.InFlight.Values.OrderBy(f => f.AssignedAt).Select(f => new DispatcherAssignment(f.Ticket.TaskId, f.Ticket.MissionId, f.RobotId, f.AssignedAt))],
        [.. S.Robots.Values.OrderBy(r => r.RobotId, StringComparer.Ordinal)],
        S.Rounds));

    private void Adopt(DispatchTicket ticket, string robotId)
    {
        var adopted = new InFlightTask { Ticket = ticket, RobotId = robotId, AssignedAt = clock.GetUtcNow(), Waypoints = [.. ticket.Waypoints] };
        S.InFlight[ticket.TaskId] = adopted;
        _dirty = true;
        LogAdopted(logger, WorldId, ticket.TaskId, robotId);
        GrainFactory.GetGrain<IMissionGrain>(ticket.MissionId).TaskAssigned(adopted.Notice(WorldId)).Ignore();
    }

    private bool IsFree(RobotSummary robot) =>
        robot.Status == RobotStatus.Idle && robot.CurrentTaskId is null && !_refused.Contains(robot.RobotId)
        && !S.InFlight.Values.Any(f => string.Equals(f.RobotId, robot.RobotId, StringComparison.Ordinal));

    private void ScheduleRound()
    {
        if (_roundScheduled || _roundTimer is null)
        {
            return;
        }

        _roundScheduled = true;
        _roundTimer.Change(_options.RoundDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        _roundScheduled = false;
        var now = clock.GetUtcNow();
        var world = await maps.GetMapAsync(WorldId);
        var busy = S.InFlight.Values.Select(f => f.RobotId).ToHashSet(StringComparer.Ordinal);
        var free = S.Robots.Values
            .Where(r => r.Status == RobotStatus.Idle && r.CurrentTaskId is null && !busy.Contains(r.RobotId) && !_refused.Contains(r.RobotId))
            .OrderBy(r => r.RobotId, StringComparer.Ordinal)
            .ToList();
        var tickets = S.Queue.Values.OrderBy(t => t.ReadyAt).ThenBy(t => t.TaskId, StringComparer.Ordinal).ToList();
        var plan = free.Count == 0 ? new DispatchPlan([], [], 0) : planner.Plan(world, free, tickets, S.ChargeMissions);
        S.Rounds++;
        MissionsInstruments.Rounds.Add(1);

        foreach (var robotId in plan.NeedCharge)
        {
            await StartCharge(robotId);
        }

        if (plan.Assignments.Count > 0)
        {
            await Dispatch(plan.Assignments, now);
        }

        LogRound(logger, WorldId, S.Rounds, tickets.Count, free.Count, plan.Assignments.Count, plan.TotalCost);
        await FailUncoverable(now);
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
            _dirty = false;
        }
    }

    private async Task Dispatch(IReadOnlyList<PlannedAssignment> assignments, DateTimeOffset now)
    {
        foreach (var a in assignments)
        {
            S.Queue.Remove(a.Ticket.TaskId);
            _noCapableSince.Remove(a.Ticket.TaskId);
            S.InFlight[a.Ticket.TaskId] = new InFlightTask
            {
                Ticket = a.Ticket,
                RobotId = a.RobotId,
                AssignedAt = now,
                Waypoints = [.. a.Waypoints],
                TravelCells = a.TravelCells,
                EstimatedSeconds = a.EstimatedSeconds,
            };
        }

        // Checkpoint before telling anyone: a restarted dispatcher then finds them in flight, never assigns twice.
        await state.WriteStateAsync();
        _dirty = false;

        // Missions hear first, so the robot's own reports rarely overtake the notice.
        foreach (var a in assignments)
        {
            GrainFactory.GetGrain<IMissionGrain>(a.Ticket.MissionId).TaskAssigned(S.InFlight[a.Ticket.TaskId].Notice(WorldId)).Ignore();
        }

        var outcomes = await Task.WhenAll(assignments.Select(async a =>
        {
            var command = new RobotAssignment(
                a.Ticket.TaskId, a.Ticket.MissionId, a.Ticket.Kind.ToString().ToLowerInvariant(), a.Waypoints, a.Ticket.Priority, now);
            try
            {
                await robots.Assign(a.RobotId, command);
                return (Assignment: a, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Assignment: a, Error: e);
            }
        }));

        foreach (var (a, error) in outcomes)
        {
            if (error is null)
            {
                MissionsInstruments.AssignmentLatency.Record(Math.Max(0, (now - a.Ticket.ReadyAt).TotalMilliseconds));
                LogAssigned(logger, WorldId, a.Ticket.TaskId, a.RobotId, a.TravelCells);
                continue;
            }

            LogRefused(logger, WorldId, a.Ticket.TaskId, a.RobotId, error.Message);
            if (S.InFlight.Remove(a.Ticket.TaskId))
            {
                S.Queue[a.Ticket.TaskId] = a.Ticket;
                GrainFactory.GetGrain<IMissionGrain>(a.Ticket.MissionId).TaskRequeued(a.Ticket.TaskId, a.RobotId, $"robot {a.RobotId} refused it: {error.Message}").Ignore();
            }

            _refused.Add(a.RobotId);
            _dirty = true;
            ScheduleRound();
        }
    }

    private async Task StartCharge(string robotId)
    {
        var missionId = $"charge-{SafeId(robotId)}-{++S.ChargeSequence}";
        S.ChargeMissions[missionId] = robotId;
        _dirty = true;
        var spec = new MissionSpec(missionId, WorldId, MissionSpecValidator.MaxPriority, null, [MissionTaskSpec.Charge()]);
        try
        {
            await GrainFactory.GetGrain<IMissionGrain>(missionId).Submit(spec);
            LogCharge(logger, WorldId, robotId, missionId);
        }
        catch (Exception e)
        {
            S.ChargeMissions.Remove(missionId);
            LogChargeFailed(logger, WorldId, robotId, e.Message);
        }
    }

    private async Task RequeueTasksOf(string robotId, string reason)
    {
        var now = clock.GetUtcNow();
        foreach (var flight in S.InFlight.Values.Where(f => string.Equals(f.RobotId, robotId, StringComparison.Ordinal)).ToList())
        {
            S.InFlight.Remove(flight.Ticket.TaskId);
            _dirty = true;
            if (S.ChargeMissions.Remove(flight.Ticket.MissionId))
            {
                await CancelCharge(flight.Ticket.MissionId, reason);
                continue;
            }

            S.Queue[flight.Ticket.TaskId] = flight.Ticket with { ReadyAt = now };
            MissionsInstruments.Requeued.Add(1);
            LogRequeued(logger, WorldId, flight.Ticket.TaskId, robotId, reason);
            GrainFactory.GetGrain<IMissionGrain>(flight.Ticket.MissionId).TaskRequeued(flight.Ticket.TaskId, robotId, reason).Ignore();

            // The twin keeps an offline robot's assignment; drop it so the robot does not resume a task given to another.
            await StopRobot(robotId, flight.Ticket.TaskId, $"task reassigned: {reason}");
        }

        foreach (var (missionId, _) in S.ChargeMissions.Where(p => string.Equals(p.Value, robotId, StringComparison.Ordinal)).ToList())
        {
            S.ChargeMissions.Remove(missionId);
            _dirty = true;
            await CancelCharge(missionId, reason);
        }

        ScheduleRound();
    }

    private async Task CancelCharge(string missionId, string reason)
    {
        foreach (var id in S.Queue.Values.Where(t => t.MissionId == missionId).Select(t => t.TaskId).ToList())
        {
            S.Queue.Remove(id);
        }

        try
        {
            await GrainFactory.GetGrain<IMissionGrain>(missionId).Cancel(reason);
        }
        catch (Exception e)
        {
            LogChargeFailed(logger, WorldId, missionId, e.Message);
        }
    }

    private async Task StopRobot(string robotId, string taskId, string reason)
    {
        try
        {
            await robots.CancelAssignment(robotId, taskId, reason);
        }
        catch (Exception e)
        {
            LogStopFailed(logger, WorldId, taskId, robotId, e.Message);
        }
    }

    /// <summary>Fails tickets no known robot could ever take, once they waited the grace period (checked against the fleet index).</summary>
    private async Task FailUncoverable(DateTimeOffset now)
    {
        List<DispatchTicket>? overdue = null;
        foreach (var ticket in S.Queue.Values)
        {
            if (S.ChargeMissions.ContainsKey(ticket.MissionId) || S.Robots.Values.Any(r => HasAll(r, ticket.Requires)))
            {
                _noCapableSince.Remove(ticket.TaskId);
                continue;
            }

            if (!_noCapableSince.TryGetValue(ticket.TaskId, out var since))
            {
                _noCapableSince[ticket.TaskId] = now;
            }
            else if (now - since >= _options.NoCapableRobotGrace)
            {
                (overdue ??= []).Add(ticket);
            }
        }

        if (overdue is null)
        {
            return;
        }

        // The twins may have registered robots this dispatcher has not heard of yet.
        var registered = await GrainFactory.GetGrain<IFleetIndexGrain>(FleetIndex.Key).List();
        foreach (var robot in registered.Where(r => string.Equals(r.WorldId, WorldId, StringComparison.Ordinal)))
        {
            if (S.Robots.TryAdd(robot.RobotId, robot))
            {
                _dirty = true;
            }
        }

        foreach (var ticket in overdue)
        {
            if (S.Robots.Values.Any(r => HasAll(r, ticket.Requires)))
            {
                _noCapableSince.Remove(ticket.TaskId);
                continue;
            }

            S.Queue.Remove(ticket.TaskId);
            _noCapableSince.Remove(ticket.TaskId);
            _dirty = true;
            var reason = ticket.Requires.Count == 0
                ? $"no robot is registered in world '{WorldId}'"
                : $"no robot registered in world '{WorldId}' has the capabilities [{string.Join(", ", ticket.Requires)}]";
            LogUncoverable(logger, WorldId, ticket.TaskId, reason);
            GrainFactory.GetGrain<IMissionGrain>(ticket.MissionId).TaskUnassignable(ticket.TaskId, reason).Ignore();
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _refused.Clear();
        if (S.Queue.Count > 0)
        {
            ScheduleRound();
        }

        foreach (var (taskId, _) in _withdrawn.Where(w => now - w.Value > _options.WorldReconcileInterval).ToList())
        {
            _withdrawn.Remove(taskId);
        }

        await CheckInFlight(now);
        if (now - _lastWorldReconcile >= _options.WorldReconcileInterval)
        {
            _lastWorldReconcile = now;
            GrainFactory.GetGrain<IMissionIndexGrain>(MissionIndex.Key).ReconcileWorld(WorldId).Ignore();
            await CheckQueued(now);
        }

        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
            _dirty = false;
        }
    }

    /// <summary>Asks the missions of older tasks in flight whether they still want them; releases the robots of those that do not.</summary>
    private async Task CheckInFlight(DateTimeOffset now)
    {
        var old = S.InFlight.Values.Where(f => now - f.AssignedAt >= _options.ReconcileInterval).GroupBy(f => f.Ticket.MissionId).ToList();
        foreach (var group in old)
        {
            MissionSnapshot? mission;
            try
            {
                mission = await GrainFactory.GetGrain<IMissionGrain>(group.Key).GetStatus();
            }
            catch (Exception e)
            {
                LogStopFailed(logger, WorldId, group.Key, "-", e.Message);
                continue;
            }

            foreach (var flight in group)
            {
                var task = mission?.Tasks.FirstOrDefault(t => t.TaskId == flight.Ticket.TaskId);
                if (!S.InFlight.ContainsKey(flight.Ticket.TaskId))
                {
                    continue;
                }

                if (task is null || task.Status is MissionTaskStatus.Completed or MissionTaskStatus.Failed or MissionTaskStatus.Cancelled)
                {
                    S.InFlight.Remove(flight.Ticket.TaskId);
                    S.ChargeMissions.Remove(flight.Ticket.MissionId);
                    _dirty = true;
                    if (task?.Status != MissionTaskStatus.Completed)
                    {
                        await StopRobot(flight.RobotId, flight.Ticket.TaskId, mission is null ? "unknown mission" : $"mission is {mission.Status.ToString().ToLowerInvariant()}");
                    }

                    ScheduleRound();
                }
                else if (task.Status == MissionTaskStatus.Queued)
                {
                    GrainFactory.GetGrain<IMissionGrain>(group.Key).TaskAssigned(flight.Notice(WorldId)).Ignore();
                }
            }
        }
    }

    /// <summary>Drops queued tickets whose missions no longer want them (a withdrawal that was lost), a bounded batch per pass.</summary>
    private async Task CheckQueued(DateTimeOffset now)
    {
        var old = S.Queue.Values
            .Where(t => now - t.ReadyAt >= _options.WorldReconcileInterval && !S.ChargeMissions.ContainsKey(t.MissionId))
            .GroupBy(t => t.MissionId)
            .Take(MaxMissionChecksPerPass)
            .ToList();
        foreach (var group in old)
        {
            MissionSnapshot? mission;
            try
            {
                mission = await GrainFactory.GetGrain<IMissionGrain>(group.Key).GetStatus();
            }
            catch (Exception e)
            {
                LogStopFailed(logger, WorldId, group.Key, "-", e.Message);
                continue;
            }

            foreach (var ticket in group)
            {
                var task = mission?.Tasks.FirstOrDefault(t => t.TaskId == ticket.TaskId);
                if (task is null || task.Status is MissionTaskStatus.Completed or MissionTaskStatus.Failed or MissionTaskStatus.Cancelled)
                {
                    S.Queue.Remove(ticket.TaskId);
                    _noCapableSince.Remove(ticket.TaskId);
                    _dirty = true;
                }
            }
        }
    }

    private static bool HasAll(RobotSummary robot, IReadOnlyList<string> requires) =>
        requires.All(c => robot.Capabilities.Contains(c, StringComparer.Ordinal));

    private static string SafeId(string robotId)
    {
        var text = new StringBuilder(robotId.Length);
        foreach (var c in robotId.Length > 64 ? robotId[..64] : robotId)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return text.ToString();
    }
}
