using System.Diagnostics;
using Coordination.Common;
using Coordination.Hosting;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;
using Coordination.World;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Planning;

/// <summary>
/// The cooperative planner of one world. Goal changes, obstacles on planned paths and robots falling behind schedule a
/// re-plan (debounced by a grain timer); each solve runs the MAPF engine under a deadline off the grain's thread, plans
/// from where every robot will be at the new plan's start step (projected along its current path when it is on
/// schedule, where it reported otherwise), validates the result with <see cref="PlanValidator"/> and only then pushes
/// each robot its path. When no plan is found every robot is told to stay, and the planner tries again.
/// Reentrant: goals and progress are taken while a solve runs.
/// </summary>
[Reentrant]
public sealed partial class PlannerGrain(
    [PersistentState("planner", CoordinationStorage.Name)] IPersistentState<PlannerState> state,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    IRobotPathDelivery delivery,
    ILogger<PlannerGrain> logger) : Grain, IPlannerGrain, IWorldObserver
{
    public const int MaxRobotIdLength = 256;

    private readonly PlanningOptions _options = options.Value;
    private readonly Dictionary<string, PlannerRobotRuntime> _runtime = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RobotPosition> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<GridCell> _obstacles = [];
    private readonly WorldFeedOrder _feedOrder = new();
    private readonly HashSet<string> _reasons = new(StringComparer.Ordinal);
    private readonly DistanceFieldCache _cache = new(512);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private MapfPlanner? _planner;
    private IWorldObserver? _self;
    private long _mapVersion;
    private GridMap? _walls;
    private GridMap? _occupancy;
    private IGrainTimer? _replanTimer;
    private bool _solving;
    private bool _again;
    private long _planId;
    private long _startStep;
    private long _replans;
    private string? _lastProblem;
    private DateTimeOffset? _plannedAt;

    private string WorldId => this.GetPrimaryKeyString();

    private IWorldModelGrain World => GrainFactory.GetGrain<IWorldModelGrain>(WorldId);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _writeGate.Dispose();
        return Task.CompletedTask;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _planner = new MapfPlanner(_cache);
        _self = this.AsReference<IWorldObserver>();
        await SyncWorldAsync();
        var renew = _options.WorldLease / 3;
        this.RegisterGrainTimer(_ => SyncWorldAsync(), new GrainTimerCreationOptions(renew, renew) { Interleave = true, KeepAlive = false });
        if (state.State.Robots.Values.Any(r => r.Goal is not null))
        {
            // A fresh activation trusts no path a robot may still be following: it plans from reported cells.
            ScheduleReplan("activation");
        }
    }

    public async Task SetGoal(string robotId, GridCell current, GridCell goal)
    {
        RequireRobotId(robotId);
        var walls = await RequireMapAsync();
        RequireFree("current", current, walls);
        RequireFree("goal", goal, walls);
        var robot = Robot(robotId, out var runtime);
        var onPlan = runtime.Path is { } path && PlanSteps.CellAt(path, CurrentStep()) == current;
        runtime.OffPlan = !onPlan;
        runtime.Reported = true;
        var unchanged = robot.Goal == goal && onPlan && runtime.Path!.Cells[^1] == goal;
        robot.Cell = current;
        if (robot.Goal != goal)
        {
            robot.Goal = goal;
            robot.GoalSetAt = clock.GetUtcNow();
        }

        await WriteStateAsync();
        if (!unchanged)
        {
            ScheduleReplan("goal");
        }
    }

    public async Task ClearGoal(string robotId)
    {
        RequireRobotId(robotId);
        if (!state.State.Robots.TryGetValue(robotId, out var robot) || robot.Goal is null)
        {
            return;
        }

        robot.Goal = null;
        await WriteStateAsync();
        if (_runtime.TryGetValue(robotId, out var runtime) && runtime.Path is { } path && PlanSteps.LastStep(path) > CurrentStep())
        {
            ScheduleReplan("goal");
        }
    }

    public async Task ReportProgress(string robotId, GridCell cell, long step)
    {
        RequireRobotId(robotId);
        var walls = await RequireMapAsync();
        WorldGrid.RequireInBounds("cell", cell, walls.Width, walls.Height);
        var robot = Robot(robotId, out var runtime);
        robot.Cell = cell;
        runtime.Reported = true;
        if (runtime.Path is not { } path || step < path.StartStep || runtime.OffPlan)
        {
            return;
        }

        if (PlanSteps.CellAt(path, step) == cell)
        {
            return;
        }

        for (var k = 1; k <= _options.BehindTolerance && step - k >= path.StartStep; k++)
        {
            if (PlanSteps.CellAt(path, step - k) == cell)
            {
                return;
            }
        }

        runtime.OffPlan = true;
        LogRobotOffPlan(logger, WorldId, robotId, cell.X, cell.Y, step);
        ScheduleReplan("behind");
    }

    public async Task RemoveRobot(string robotId)
    {
        RequireRobotId(robotId);
        var known = state.State.Robots.Remove(robotId);
        _runtime.Remove(robotId);
        _positions.Remove(robotId);
        if (known)
        {
            await WriteStateAsync();
            ScheduleReplan("robot-left");
        }
    }

    public Task<PlanSnapshot> GetPlan()
    {
        var ids = state.State.Robots.Keys.Union(_runtime.Keys.Where(k => _runtime[k].Path is not null)).Order(StringComparer.Ordinal);
        var robots = ids.Select(id =>
        {
            var robot = state.State.Robots.GetValueOrDefault(id);
            var runtime = _runtime.GetValueOrDefault(id);
            var cell = robot?.Cell ?? _positions.GetValueOrDefault(id)?.Cell ?? default;
            return new PlannedRobot(id, cell, robot?.Goal, runtime?.Path, runtime?.GoalProblem);
        }).ToList();
        return Task.FromResult(new PlanSnapshot(WorldId, _planId, _startStep, _options.StepDuration, robots, _replans, _lastProblem, _plannedAt));
    }

    public async Task OnWorldChanges(WorldChangeBatch batch)
    {
        if (batch.MapVersion != _mapVersion)
        {
            if (batch.MapVersion > _mapVersion)
            {
                await SyncWorldAsync();
                foreach (var r in _runtime.Values)
                {
                    r.OffPlan = true;
                }

                ScheduleReplan("map");
            }

            return;
        }

        var now = CurrentStep();
        foreach (var change in batch.Changes)
        {
            if (change.Kind is WorldChangeKind.ObstacleAdded or WorldChangeKind.ObstacleRemoved or WorldChangeKind.ObstacleExpired
                && !_feedOrder.Accept(batch.RegionKey, change))
            {
                // Already in the last snapshot, or overtaken by a newer change of the same cell.
                continue;
            }

            switch (change.Kind)
            {
                case WorldChangeKind.ObstacleAdded:
                    if (_obstacles.Add(change.Cell))
                    {
                        _occupancy = null;
                    }

                    if (_runtime.Values.Any(r => r.Path is { } p && Visits(p, change.Cell, now)))
                    {
                        LogObstacleOnPath(logger, WorldId, change.Cell.X, change.Cell.Y);
                        ScheduleReplan("obstacle");
                    }

                    break;
                case WorldChangeKind.ObstacleRemoved or WorldChangeKind.ObstacleExpired:
                    if (_obstacles.Remove(change.Cell))
                    {
                        _occupancy = null;
                    }

                    if (state.State.Robots.Values.Any(r => r.Goal == change.Cell))
                    {
                        ScheduleReplan("obstacle-cleared");
                    }

                    break;
                case WorldChangeKind.RobotMoved when change.RobotId is { } id:
                    // Positions carry the robot's own timestamps; regions' versions are not comparable across regions.
                    if (!_positions.TryGetValue(id, out var known) || change.At >= known.At)
                    {
                        _positions[id] = new RobotPosition(id, change.Cell, change.At);
                    }

                    break;
                case WorldChangeKind.RobotLeft when change.RobotId is { } id:
                    // Only a departure from where the robot is known to be (it may have entered another region first).
                    if (_positions.TryGetValue(id, out var last) && last.Cell == change.Cell)
                    {
                        _positions.Remove(id);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static bool Visits(RobotPath path, GridCell cell, long fromStep)
    {
        var first = (int)Math.Clamp(fromStep - path.StartStep, 0, path.Cells.Count - 1);
        for (var i = first; i < path.Cells.Count; i++)
        {
            if (path.Cells[i] == cell)
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireRobotId(string robotId)
    {
        if (string.IsNullOrEmpty(robotId))
        {
            throw new CoordinationValidationException("robotId", "is required");
        }

        if (robotId.Length > MaxRobotIdLength)
        {
            throw new CoordinationValidationException("robotId", $"longer than {MaxRobotIdLength} characters");
        }
    }

    private static void RequireFree(string field, GridCell cell, GridMap walls)
    {
        WorldGrid.RequireInBounds(field, cell, walls.Width, walls.Height);
        if (!walls.IsPassable(cell.X, cell.Y))
        {
            throw new CoordinationValidationException(field, $"{cell} is a wall of the map");
        }
    }

    /// <summary>One storage write at a time (calls interleave: the grain is reentrant).</summary>
    private async Task WriteStateAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private long CurrentStep() => PlanSteps.StepAt(clock.GetUtcNow(), _options.StepDuration);

    private PlannerRobotState Robot(string robotId, out PlannerRobotRuntime runtime)
    {
        if (!state.State.Robots.TryGetValue(robotId, out var robot))
        {
            state.State.Robots[robotId] = robot = new PlannerRobotState();
        }

        if (!_runtime.TryGetValue(robotId, out runtime!))
        {
            _runtime[robotId] = runtime = new PlannerRobotRuntime();
        }

        return robot;
    }

    private async Task<GridMap> RequireMapAsync()
    {
        if (_walls is null)
        {
            await SyncWorldAsync();
        }

        return _walls ?? throw new CoordinationValidationException("worldId", $"world '{WorldId}' has no map; upload one first");
    }

    /// <summary>Renews the change-feed subscription and re-reads map, obstacles and positions (heals missed changes).</summary>
    private async Task SyncWorldAsync()
    {
        var world = World;
        if (await world.GetInfo() is null)
        {
            return;
        }

        await world.Subscribe(_self!, _options.WorldLease);
        var snapshot = await world.GetSnapshot();
        var info = snapshot.Map.Info;
        if (_walls is null || info.MapVersion != _mapVersion)
        {
            _walls = WorldGrid.FromRows(snapshot.Map.Rows, info.Width, info.Height, info.MapName);
            _mapVersion = info.MapVersion;
            _cache.Clear();
        }

        _obstacles.Clear();
        _obstacles.UnionWith(snapshot.Map.Obstacles.Select(o => o.Cell));
        _feedOrder.Reset(snapshot.Regions);

        _occupancy = null;
        _positions.Clear();
        foreach (var p in snapshot.Robots)
        {
            _positions[p.RobotId] = p;
        }
    }

    private void ScheduleReplan(string reason) => ScheduleReplan(reason, _options.Debounce);

    private void ScheduleReplan(string reason, TimeSpan delay)
    {
        _reasons.Add(reason);
        if (_solving)
        {
            _again = true;
            return;
        }

        _replanTimer ??= this.RegisterGrainTimer(
            _ => ReplanAsync(),
            new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task ReplanAsync()
    {
        _replanTimer?.Dispose();
        _replanTimer = null;
        if (_solving)
        {
            _again = true;
            return;
        }

        _solving = true;
        var retry = false;
        try
        {
            retry = !await SolveAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSolveCrashed(logger, e, WorldId);
            _lastProblem = e.Message;
            retry = true;
        }
        finally
        {
            _solving = false;
        }

        if (_again || retry)
        {
            _again = false;
            ScheduleReplan("retry", retry ? _options.RetryDelay : _options.Debounce);
        }
    }

    /// <summary>One solve and hand-out; false when no plan was found (robots were told to stay).</summary>
    private async Task<bool> SolveAsync()
    {
        var walls = await RequireMapAsync();
        var reasons = string.Join(',', _reasons.Order(StringComparer.Ordinal));
        _reasons.Clear();
        var now = clock.GetUtcNow();
        var step = _options.StepDuration;
        var startStep = PlanSteps.StepAt(now + _options.SolveDeadline + _options.StartMargin, step) + 1;
        var planId = Math.Max(_planId + 1, startStep * 1000);
        var agents = Agents(startStep);
        _occupancy ??= WorldGrid.WithObstacles(walls, _obstacles);
        var problem = PlanProblemBuilder.Build(walls, _occupancy, agents, _cache);
        var request = new MapfRequest(problem.Map, problem.Starts, problem.Goals)
        {
            Seed = (ulong)planId,
            TimeLimit = _options.SolveDeadline,
            Refine = _options.Refine,
        };
        var planner = _planner!;
        var started = Stopwatch.GetTimestamp();
        var solution = await Task.Run(() => planner.Solve(request));
        var tags = new TagList { { "world", WorldId } };
        PlanningMetrics.SolveMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        if (solution.Solved && solution.FirstSolutionTime is { } first)
        {
            PlanningMetrics.FirstSolutionMs.Record(first.TotalMilliseconds, tags);
        }

        IReadOnlyList<int[]> paths;
        IReadOnlyList<int> goals = problem.Goals;
        var solved = solution.Solved;
        if (solved)
        {
            paths = solution.Paths;
        }
        else
        {
            // No plan in time: everyone stays where the current plan has them at the start step.
            PlanningMetrics.Failures.Add(1, new TagList { { "world", WorldId }, { "status", solution.Status.ToString() } });
            LogNoPlan(logger, WorldId, solution.Status.ToString(), solution.Detail ?? string.Empty, problem.RobotIds.Count);
            _lastProblem = $"{solution.Status}: {solution.Detail}";
            paths = problem.Starts.Select(s => new[] { s }).ToList();
            goals = problem.Starts.Select(_ => MapfPlanner.NoGoal).ToList();
        }

        var violations = PlanValidator.Validate(problem.Map, problem.Starts, goals, paths);
        if (violations.Count > 0)
        {
            _lastProblem = "the plan failed validation and was not handed out: " + violations[0].Message;
            LogInvalidPlan(logger, WorldId, violations[0].Message);
            return false;
        }

        await HandOutAsync(problem, paths, planId, startStep);
        _planId = planId;
        _startStep = startStep;
        _plannedAt = now;
        _replans++;
        if (solved)
        {
            _lastProblem = null;
        }

        PlanningMetrics.Replans.Add(1, new TagList { { "world", WorldId }, { "reason", reasons } });
        PlanningMetrics.Robots.Record(problem.RobotIds.Count, tags);
        LogPlanned(logger, WorldId, planId, problem.RobotIds.Count, startStep, solution.SumOfCosts, reasons);
        return solved;
    }

    /// <summary>Every robot of the world, where it will be at <paramref name="startStep"/>.</summary>
    private List<PlanAgent> Agents(long startStep)
    {
        var agents = new List<PlanAgent>();
        foreach (var (id, robot) in state.State.Robots)
        {
            var runtime = _runtime.GetValueOrDefault(id);
            var reported = runtime?.Reported == true || !_positions.TryGetValue(id, out var seen) ? robot.Cell : seen.Cell;
            var start = runtime is { Path: { } path, OffPlan: false } ? PlanSteps.CellAt(path, startStep) : reported;
            agents.Add(new PlanAgent(id, start, reported, robot.Goal, robot.GoalSetAt));
        }

        foreach (var (id, position) in _positions)
        {
            if (!state.State.Robots.ContainsKey(id))
            {
                var start = _runtime.GetValueOrDefault(id) is { Path: { } path, OffPlan: false } ? PlanSteps.CellAt(path, startStep) : position.Cell;
                agents.Add(new PlanAgent(id, start, position.Cell, null, default));
            }
        }

        return agents;
    }

    /// <summary>
    /// Pushes the paths: to every robot with a goal, every robot the plan moves, and every robot whose previous path
    /// was still moving it (it must now follow the new one).
    /// </summary>
    private async Task HandOutAsync(PlanProblem problem, IReadOnlyList<int[]> paths, long planId, long startStep)
    {
        var pushes = new List<(string RobotId, RobotPath Path)>();
        foreach (var id in problem.Excluded)
        {
            Runtime(id).GoalProblem = problem.Problems[id];
        }

        for (var i = 0; i < problem.RobotIds.Count; i++)
        {
            var id = problem.RobotIds[i];
            var runtime = Runtime(id);
            runtime.GoalProblem = problem.Problems.GetValueOrDefault(id);
            var hasGoal = state.State.Robots.GetValueOrDefault(id)?.Goal is not null;
            var moves = paths[i].Length > 1;
            var wasMoving = runtime.Path is { } old && PlanSteps.LastStep(old) > startStep;
            if (!hasGoal && !moves && !wasMoving)
            {
                runtime.Path = null;
                continue;
            }

            var path = new RobotPath(WorldId, planId, startStep, _options.StepDuration, PlanProblemBuilder.ToCells(problem.Map, paths[i]));
            runtime.Path = path;
            runtime.OffPlan = false;
            pushes.Add((id, path));
        }

        await Task.WhenAll(pushes.Select(async p =>
        {
            try
            {
                await delivery.DeliverAsync(p.RobotId, p.Path);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, e, WorldId, p.RobotId);
            }
        }));
    }

    private PlannerRobotRuntime Runtime(string robotId)
    {
        if (!_runtime.TryGetValue(robotId, out var runtime))
        {
            _runtime[robotId] = runtime = new PlannerRobotRuntime();
        }

        return runtime;
    }
}
