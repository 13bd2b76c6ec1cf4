using System.Globalization;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// One mission: validates and persists its spec's tasks before acknowledging, hands ready tasks to its world's
/// dispatcher, follows robot reports, and ends completed, failed (deadline, no capable robot, a failure report)
/// or cancelled. While it is not over, a reconcile timer re-sends ready tasks and checks that the robot of each
/// task in flight still holds it.
/// </summary>
public sealed partial class MissionGrain(
    [PersistentState("mission", CoordinationStorage.Name)] IPersistentState<MissionState> state,
    IWorldMapSource maps,
    TravelCostCache costs,
    IRobotCommands robots,
    IOptions<MissionsOptions> options,
    TimeProvider clock,
    ILogger<MissionGrain> logger) : Grain, IMissionGrain
{
    /// <summary>The longest a watcher waits in one <see cref="WaitForChange"/> call (below the call timeout).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly MissionsOptions _options = options.Value;
    private readonly List<Func<Task>> _afterWrite = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IGrainTimer? _reconcileTimer;
    private IGrainTimer? _deadlineTimer;

    private string Id => this.GetPrimaryKeyString();

    private MissionState S => state.State;

    private IDispatcherGrain Dispatcher => GrainFactory.GetGrain<IDispatcherGrain>(S.WorldId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Exists && !S.IsTerminal)
        {
            StartTimers();
            await SendQueued([]);
        }
    }

    public async Task<MissionSnapshot> Submit(MissionSpec spec)
    {
        if (spec is null)
        {
            throw new CoordinationValidationException("$", "a mission spec is required");
        }

        if (S.Exists)
        {
            if (string.Equals(SpecFingerprint.Of(spec), S.Fingerprint, StringComparison.Ordinal))
            {
                return Snapshot();
            }

            throw new CoordinationValidationException("$", $"mission '{Id}' was already submitted with a different spec; use a new id for a new mission");
        }

        if (string.IsNullOrWhiteSpace(spec.WorldId) || spec.WorldId.Length > MissionSpecValidator.MaxIdLength)
        {
            throw new CoordinationValidationException("$.worldId", $"is required (at most {MissionSpecValidator.MaxIdLength} characters)");
        }

        var now = clock.GetUtcNow();
        var world = await maps.GetMapAsync(spec.WorldId);
        MissionSpecValidator.ThrowIfInvalid(MissionSpecValidator.Validate(spec, world, costs, _options, now, Id));

        var tasks = MissionTaskPlanner.Plan(spec);
        var fresh = new MissionState
        {
            Fingerprint = SpecFingerprint.Of(spec),
            WorldId = spec.WorldId,
            Priority = spec.Priority,
            Deadline = spec.Deadline,
            Status = MissionStatus.Queued,
            SubmittedAt = now,
            UpdatedAt = now,
            Tasks = tasks,
        };
        state.State = fresh;
        Record(MissionEventKind.Submitted, null, null, string.Create(CultureInfo.InvariantCulture, $"{tasks.Count} task(s), priority {spec.Priority}"));
        foreach (var task in tasks.Where(t => t.Status == MissionTaskStatus.Queued))
        {
            task.QueuedAt = now;
            Record(MissionEventKind.TaskQueued, task.TaskId, null, task.Path);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Nothing of a mission that could not be stored may stay in memory.
            state.State = new MissionState();
            DeactivateOnIdle();
            throw;
        }

        MissionsInstruments.Submitted.Add(1);
        LogSubmitted(logger, Id, spec.WorldId, tasks.Count, spec.Priority);
        StartTimers();
        await SendQueued([]);
        AfterChange(statusChanged: true);
        return Snapshot();
    }

    public Task<MissionSnapshot?> GetStatus() => Task.FromResult(S.Exists ? Snapshot() : null);

    public Task<IReadOnlyList<MissionEvent>> GetHistory(long afterSequence = 0) =>
        Task.FromResult<IReadOnlyList<MissionEvent>>(S.History.Where(e => e.Sequence > afterSequence).ToList());

    public async Task<MissionSnapshot?> WaitForChange(long knownVersion, TimeSpan maxWait)
    {
        if (!S.Exists)
        {
            return null;
        }

        if (S.Version <= knownVersion && !S.IsTerminal)
        {
            var wait = maxWait <= TimeSpan.Zero ? TimeSpan.Zero : maxWait > MaxWait ? MaxWait : maxWait;
            var changed = _changed.Task;
            using var cts = new CancellationTokenSource();
            var delay = Task.Delay(wait, clock, cts.Token);
            await Task.WhenAny(changed, delay);
            await cts.CancelAsync();
        }

        return Snapshot();
    }

    public async Task<MissionSnapshot> Cancel(string? reason = null)
    {
        if (!S.Exists)
        {
            throw new CoordinationValidationException("id", $"no mission '{Id}' was submitted");
        }

        if (S.IsTerminal)
        {
            return Snapshot();
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "cancelled" : reason.Length > 512 ? reason[..512] : reason;
        Finish(MissionStatus.Cancelled, why, MissionEventKind.Cancelled);
        await Persist(statusChanged: true);
        LogFinished(logger, Id, MissionStatus.Cancelled, why);
        return Snapshot();
    }

    public async Task TaskProgressed(string robotId, TaskProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var task = S.Exists ? Find(progress.TaskId) : null;
        if (task is null)
        {
            LogUnknownTask(logger, Id, progress.TaskId, robotId);
            return;
        }

        var now = clock.GetUtcNow();
        if (S.IsTerminal || task.IsTerminal)
        {
            if (progress.Kind is TaskProgressKind.Started or TaskProgressKind.WaypointReached && task.Status != MissionTaskStatus.Completed)
            {
                // The robot still works on something this mission no longer wants.
                Dispatcher.Withdraw(task.TaskId, true, S.IsTerminal ? $"mission {Id} is {S.Status.ToString().ToLowerInvariant()}" : "task is over").Ignore();
            }

            return;
        }

        var before = S.Status;
        TakeReportFrom(task, robotId, now);
        switch (progress.Kind)
        {
            case TaskProgressKind.Started:
                if (task.Status != MissionTaskStatus.Underway)
                {
                    task.Status = MissionTaskStatus.Underway;
                    task.StartedAt ??= now;
                    Record(MissionEventKind.TaskStarted, task.TaskId, robotId, null);
                }

                break;
            case TaskProgressKind.WaypointReached:
                task.Status = MissionTaskStatus.Underway;
                task.StartedAt ??= now;
                task.WaypointsReached = Math.Clamp(progress.WaypointIndex + 1, task.WaypointsReached, Math.Max(task.Waypoints.Count, task.WaypointsReached));
                var cell = progress.WaypointIndex >= 0 && progress.WaypointIndex < task.Waypoints.Count ? task.Waypoints[progress.WaypointIndex].ToString() : "?";
                Record(MissionEventKind.WaypointReached, task.TaskId, robotId, string.Create(CultureInfo.InvariantCulture, $"waypoint {progress.WaypointIndex} {cell}"));
                break;
            case TaskProgressKind.Completed:
                task.Status = MissionTaskStatus.Completed;
                task.StartedAt ??= now;
                task.FinishedAt = now;
                task.WaypointsReached = task.Waypoints.Count;
                Record(MissionEventKind.TaskCompleted, task.TaskId, robotId, null);
                _afterWrite.Add(() => Dispatcher.Withdraw(task.TaskId, false, "completed"));
                ReleaseNextSteps(task, now);
                if (S.Tasks.All(t => t.Status == MissionTaskStatus.Completed))
                {
                    Finish(MissionStatus.Completed, null, MissionEventKind.Completed);
                }

                break;
            case TaskProgressKind.Failed:
                var reason = string.IsNullOrWhiteSpace(progress.Reason) ? "no reason given" : progress.Reason;
                task.Status = MissionTaskStatus.Failed;
                task.FinishedAt = now;
                task.Reason = reason;
                Record(MissionEventKind.TaskFailed, task.TaskId, robotId, reason);
                _afterWrite.Add(() => Dispatcher.Withdraw(task.TaskId, false, "failed"));
                Finish(MissionStatus.Failed, $"task {task.TaskId} failed on robot {robotId}: {reason}", MissionEventKind.Failed);
                break;
        }

        Derive();
        await Persist(statusChanged: before != S.Status || progress.Kind == TaskProgressKind.Completed);
        if (S.IsTerminal)
        {
            LogFinished(logger, Id, S.Status, S.Reason ?? string.Empty);
        }
    }

    public async Task TaskAssigned(TaskAssignmentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var task = S.Exists ? Find(notice.TaskId) : null;
        if (task is not null && (task.Status == MissionTaskStatus.Completed || task.IsInFlight)
            && task.RobotId == notice.RobotId && task.EstimatedSeconds is null)
        {
            // The robot's own report (started, a waypoint, or even its completion) overtook this notice:
            // keep the estimate and the real assignment time.
            task.EstimatedSeconds = notice.EstimatedSeconds;
            if (task.AssignedAt is null || notice.AssignedAt < task.AssignedAt)
            {
                task.AssignedAt = notice.AssignedAt;
            }

            await Persist(statusChanged: false);
        }

        if (task is null || S.IsTerminal || task.IsTerminal || task.Status == MissionTaskStatus.Waiting)
        {
            var sameRobotDone = task?.Status == MissionTaskStatus.Completed && task.RobotId == notice.RobotId;
            var reason = task is null ? "unknown task" : S.IsTerminal ? $"mission {Id} is {S.Status.ToString().ToLowerInvariant()}" : "task is not ready";
            await GrainFactory.GetGrain<IDispatcherGrain>(S.Exists ? S.WorldId : notice.WorldId).Withdraw(notice.TaskId, !sameRobotDone, reason);
            return;
        }

        if (task.IsInFlight && task.RobotId == notice.RobotId)
        {
            return;
        }

        if (task.IsInFlight && task.RobotId is { } previous)
        {
            // Not awaited: a robot may be waiting on this mission (its progress report) at this very moment.
            robots.CancelAssignment(previous, task.TaskId, $"task moved to robot {notice.RobotId}").Ignore();
        }

        var before = S.Status;
        task.Status = MissionTaskStatus.Assigned;
        task.RobotId = notice.RobotId;
        task.AssignedAt = notice.AssignedAt;
        task.EstimatedSeconds = notice.EstimatedSeconds;
        task.Attempts++;
        task.MissedChecks = 0;
        if (task.Waypoints.Count == 0)
        {
            task.Waypoints = [.. notice.Waypoints];
        }

        Record(MissionEventKind.TaskAssigned, task.TaskId, notice.RobotId,
            string.Create(CultureInfo.InvariantCulture, $"{notice.TravelCells} cell(s) away, about {notice.EstimatedSeconds:0.#} s"));
        Derive();
        await Persist(before != S.Status);
    }

    public async Task TaskRequeued(string taskId, string robotId, string reason)
    {
        var task = S.Exists ? Find(taskId) : null;
        if (task is null)
        {
            return;
        }

        if (S.IsTerminal || task.IsTerminal)
        {
            await Dispatcher.Withdraw(taskId, task.Status != MissionTaskStatus.Completed, "task is over");
            return;
        }

        if (!task.IsInFlight || task.RobotId != robotId)
        {
            return;
        }

        var before = S.Status;
        Requeue(task, reason, clock.GetUtcNow());
        Derive();
        await Persist(before != S.Status);
    }

    public async Task TaskUnassignable(string taskId, string reason)
    {
        var task = S.Exists ? Find(taskId) : null;
        if (task is null || S.IsTerminal || task.Status != MissionTaskStatus.Queued)
        {
            return;
        }

        task.Status = MissionTaskStatus.Failed;
        task.Reason = reason;
        task.FinishedAt = clock.GetUtcNow();
        Record(MissionEventKind.TaskFailed, taskId, null, reason);
        Finish(MissionStatus.Failed, $"task {taskId}: {reason}", MissionEventKind.Failed);
        await Persist(statusChanged: true);
        LogFinished(logger, Id, S.Status, S.Reason ?? string.Empty);
    }

    public async Task Reconcile()
    {
        if (!S.Exists || S.IsTerminal)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (S.Deadline is { } deadline && now >= deadline)
        {
            await FailForDeadline();
            return;
        }

        var revoked = new List<MissionTaskState>();
        var changed = false;
        foreach (var task in S.Tasks.Where(t => t.IsInFlight && t.RobotId is not null).ToList())
        {
            RobotAssignment? held;
            try
            {
                held = await robots.GetCurrentAssignment(task.RobotId!);
            }
            catch (Exception e)
            {
                LogRobotUnreachable(logger, Id, task.TaskId, task.RobotId!, e.Message);
                continue;
            }

            if (S.IsTerminal || task.IsTerminal || !task.IsInFlight)
            {
                continue;
            }

            if (held?.TaskId == task.TaskId)
            {
                changed |= task.MissedChecks != 0;
                task.MissedChecks = 0;
                continue;
            }

            task.MissedChecks++;
            changed = true;
            if (task.MissedChecks >= 2)
            {
                var robotId = task.RobotId!;
                Requeue(task, $"robot {robotId} no longer holds it", now);
                revoked.Add(task);
                LogRevoked(logger, Id, task.TaskId, robotId);
            }
        }

        if (changed)
        {
            Derive();
            await Persist(statusChanged: revoked.Count > 0);
        }

        if (!S.IsTerminal)
        {
            await SendQueued(revoked);
            GrainFactory.GetGrain<IMissionIndexGrain>(MissionIndex.Key).Upsert(Summary()).Ignore();
        }
    }

    private MissionTaskState? Find(string? taskId) => taskId is null ? null : S.Tasks.FirstOrDefault(t => t.TaskId == taskId);

    /// <summary>A report can arrive before the dispatcher's notice (or from a robot the task was moved away from): it wins.</summary>
    private void TakeReportFrom(MissionTaskState task, string robotId, DateTimeOffset now)
    {
        if (task.IsInFlight && task.RobotId == robotId)
        {
            return;
        }

        var previous = task.RobotId;
        if (task.IsInFlight && previous is not null)
        {
            robots.CancelAssignment(previous, task.TaskId, $"robot {robotId} reports the task").Ignore();
        }

        task.RobotId = robotId;
        task.AssignedAt ??= now;
        task.MissedChecks = 0;
        task.Attempts++;
        if (task.Status is MissionTaskStatus.Queued)
        {
            task.Status = MissionTaskStatus.Assigned;
        }

        Record(MissionEventKind.TaskAssigned, task.TaskId, robotId, previous is null ? "reported by the robot" : $"reported by the robot (was {previous})");
    }

    private void Requeue(MissionTaskState task, string reason, DateTimeOffset now)
    {
        var robotId = task.RobotId;
        task.Status = MissionTaskStatus.Queued;
        task.RobotId = null;
        task.QueuedAt = now;
        task.StartedAt = null;
        task.WaypointsReached = 0;
        task.MissedChecks = 0;
        task.Reason = reason;
        Record(MissionEventKind.TaskRequeued, task.TaskId, robotId, reason);
    }

    private void ReleaseNextSteps(MissionTaskState done, DateTimeOffset now)
    {
        foreach (var next in S.Tasks.Where(t => t.After == done.TaskId && t.Status == MissionTaskStatus.Waiting))
        {
            next.Status = MissionTaskStatus.Queued;
            next.QueuedAt = now;
            Record(MissionEventKind.TaskQueued, next.TaskId, null, next.Path);
            _afterWrite.Add(() => Dispatcher.Enqueue([Ticket(next, null)]));
        }
    }

    private void Finish(MissionStatus status, string? reason, MissionEventKind kind)
    {
        var now = clock.GetUtcNow();
        foreach (var task in S.Tasks.Where(t => !t.IsTerminal))
        {
            var wasLive = task.Status is MissionTaskStatus.Queued or MissionTaskStatus.Assigned or MissionTaskStatus.Underway;
            task.Status = MissionTaskStatus.Cancelled;
            task.FinishedAt = now;
            task.Reason = status == MissionStatus.Cancelled ? reason : $"mission {status.ToString().ToLowerInvariant()}";
            Record(MissionEventKind.TaskCancelled, task.TaskId, task.RobotId, task.Reason);
            if (wasLive)
            {
                var id = task.TaskId;
                var why = $"mission {Id} {status.ToString().ToLowerInvariant()}";
                _afterWrite.Add(() => Dispatcher.Withdraw(id, true, why));
            }
        }

        S.Status = status;
        S.Reason = reason;
        S.FinishedAt = now;
        Record(kind, null, null, reason);
        StopTimers();
        (status switch
        {
            MissionStatus.Completed => MissionsInstruments.Completed,
            MissionStatus.Failed => MissionsInstruments.Failed,
            _ => MissionsInstruments.Cancelled,
        }).Add(1);
    }

    private async Task FailForDeadline()
    {
        if (!S.Exists || S.IsTerminal || S.Deadline is not { } deadline)
        {
            return;
        }

        Finish(MissionStatus.Failed, $"deadline {deadline:O} passed", MissionEventKind.Failed);
        await Persist(statusChanged: true);
        LogFinished(logger, Id, S.Status, S.Reason ?? string.Empty);
    }

    /// <summary>The lifecycle follows the tasks until the mission is over.</summary>
    private void Derive()
    {
        if (S.IsTerminal)
        {
            return;
        }

        S.Status = S.Tasks.Any(t => t.Status is MissionTaskStatus.Underway or MissionTaskStatus.Completed) ? MissionStatus.Underway
            : S.Tasks.Any(t => t.Status == MissionTaskStatus.Assigned) ? MissionStatus.Assigned
            : MissionStatus.Queued;
    }

    private void Record(MissionEventKind kind, string? taskId, string? robotId, string? detail)
    {
        var now = clock.GetUtcNow();
        S.Version++;
        S.UpdatedAt = now;
        S.History.Add(new MissionEvent(S.Version, now, kind, taskId, robotId, detail));
        var excess = S.History.Count - _options.MaxHistoryEvents;
        if (excess > 0)
        {
            S.History.RemoveRange(0, excess);
        }
    }

    /// <summary>Writes the state, then sends what the change implies (never before it is stored) and wakes watchers.</summary>
    private async Task Persist(bool statusChanged)
    {
        await state.WriteStateAsync();
        var actions = _afterWrite.ToList();
        _afterWrite.Clear();
        foreach (var action in actions)
        {
            await action();
        }

        AfterChange(statusChanged);
    }

    private void AfterChange(bool statusChanged)
    {
        if (statusChanged)
        {
            GrainFactory.GetGrain<IMissionIndexGrain>(MissionIndex.Key).Upsert(Summary()).Ignore();
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private async Task SendQueued(IReadOnlyList<MissionTaskState> revoked)
    {
        var tickets = S.Tasks
            .Where(t => t.Status == MissionTaskStatus.Queued)
            .Select(t => Ticket(t, revoked.Contains(t) ? RevokedRobotOf(t) : null))
            .ToList();
        if (tickets.Count > 0)
        {
            await Dispatcher.Enqueue(tickets);
        }
    }

    private string? RevokedRobotOf(MissionTaskState task) =>
        S.History.LastOrDefault(e => e.Kind == MissionEventKind.TaskRequeued && e.TaskId == task.TaskId)?.RobotId;

    private DispatchTicket Ticket(MissionTaskState task, string? revokedRobot) =>
        new(task.TaskId, Id, task.Kind, task.Waypoints, task.Requires, S.Priority, task.QueuedAt ?? S.SubmittedAt, revokedRobot);

    private void StartTimers()
    {
        _reconcileTimer ??= this.RegisterGrainTimer(
            _ => Reconcile(), new GrainTimerCreationOptions(_options.ReconcileInterval, _options.ReconcileInterval) { KeepAlive = true });
        if (S.Deadline is { } deadline && _deadlineTimer is null)
        {
            var due = deadline - clock.GetUtcNow();
            due = due < TimeSpan.Zero ? TimeSpan.Zero : due > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : due;
            _deadlineTimer = this.RegisterGrainTimer(
                _ => FailForDeadline(), new GrainTimerCreationOptions(due, TimeSpan.FromDays(1)) { KeepAlive = true });
        }
    }

    private void StopTimers()
    {
        _reconcileTimer?.Dispose();
        _reconcileTimer = null;
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
    }

    private MissionSummary Summary() => new(
        Id, S.WorldId, S.Priority, S.Status, S.Tasks.Count, S.Tasks.Count(t => t.Status == MissionTaskStatus.Completed), S.SubmittedAt, S.UpdatedAt, S.Reason);

    private MissionSnapshot Snapshot()
    {
        var tasks = S.Tasks.Select(t => new MissionTaskSnapshot(
            t.TaskId, t.Path, t.Kind, t.Status, t.Requires, t.Waypoints, t.RobotId, t.Attempts, t.WaypointsReached, t.EstimatedSeconds,
            t.Status == MissionTaskStatus.Completed && t.AssignedAt is { } a && t.FinishedAt is { } f ? (f - a).TotalSeconds : null,
            t.QueuedAt, t.AssignedAt, t.StartedAt, t.FinishedAt, t.Reason)).ToList();
        var estimates = S.Tasks.Where(t => t.EstimatedSeconds is not null).Select(t => t.EstimatedSeconds!.Value).ToList();
        return new MissionSnapshot(
            Id, S.WorldId, S.Priority, S.Status, S.Reason, S.SubmittedAt, S.UpdatedAt, S.FinishedAt, S.Deadline, S.Version, tasks,
            estimates.Count == 0 ? null : estimates.Sum(),
            S.FinishedAt is { } end ? (end - S.SubmittedAt).TotalSeconds : null);
    }
}
