using Coordination.Client.Fleet;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.World;

namespace Coordination.Simulation.Robots;

/// <summary>
/// A simulated robot that talks to the cluster only through the SDK: its <see cref="RobotSession"/> (telemetry,
/// commands, task progress); the simulator sends its goals and progress to the planner through the world client. It follows
/// the planner's paths one cell per plan step, with seeded small stops, drains its battery while moving and
/// charges at a charger.
/// </summary>
public sealed class SimulatedRobot
{
    private const double DrainPerMove = 0.04;
    private const double DrainPerStep = 0.005;
    private const double ChargePerStep = 2.0;
    private const double ChargedPercent = 95.0;

    private readonly object _gate = new();
    private readonly Random _random;
    private readonly Queue<RobotCommand> _held = new();
    private RobotPath? _path;
    private RobotPath? _nextPath;
    private RobotAssignment? _assignment;
    private int _waypoint;
    private bool _charging;
    private int _stalledSteps;
    private GridCell? _goal;

    public SimulatedRobot(string id, string worldId, GridCell home, IReadOnlyList<string> capabilities, int seed)
    {
        Id = id;
        WorldId = worldId;
        Cell = home;
        Capabilities = capabilities;
        _random = new Random(seed);
        Battery = 60 + _random.Next(40);
    }

    public string Id { get; }

    public string WorldId { get; }

    public IReadOnlyList<string> Capabilities { get; }

    public GridCell Cell { get; private set; }

    public double Battery { get; private set; }

    public RobotSession? Session { get; set; }

    /// <summary>Off the network until this time (a dropped robot neither reports nor moves).</summary>
    public DateTimeOffset DroppedUntil { get; set; } = DateTimeOffset.MinValue;

    public int TasksCompleted { get; private set; }

    public int ReportFailures { get; private set; }

    public DateTimeOffset LastAcceptedReport { get; private set; }

    public string? CurrentTaskId
    {
        get
        {
            lock (_gate)
            {
                return _assignment?.TaskId;
            }
        }
    }

    public RobotStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _charging ? RobotStatus.Charging : _assignment is null ? RobotStatus.Idle : RobotStatus.Working;
            }
        }
    }

    /// <summary>Called for every assignment the robot takes: (mission id, when it arrived).</summary>
    public Action<RobotAssignment, DateTimeOffset>? OnAssigned { get; set; }

    public bool IsDropped(DateTimeOffset now) => now < DroppedUntil;

    /// <summary>Takes a command from the session (held while the robot is off the network).</summary>
    public void Receive(RobotCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            if (IsDropped(now))
            {
                _held.Enqueue(command);
                return;
            }

            Apply(command, now);
        }
    }

    /// <summary>The cell the robot drives to in <paramref name="step"/> (its own cell to wait).</summary>
    public GridCell Wanted(long step, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (IsDropped(now))
            {
                return Cell;
            }

            while (_held.Count > 0)
            {
                Apply(_held.Dequeue(), now);
            }

            if (_nextPath is not null && step >= _nextPath.StartStep)
            {
                _path = _nextPath;
                _nextPath = null;
            }

            if (_path is null || _charging)
            {
                return Cell;
            }

            if (_stalledSteps > 0)
            {
                _stalledSteps--;
                return Cell;
            }

            // Realistic imperfection: now and then a short stop (a person crossing, a slow turn).
            if (_random.NextDouble() < 0.01)
            {
                _stalledSteps = _random.Next(1, 3) - 1;
                return Cell;
            }

            var target = PlanSteps.CellAt(_path, step);
            return target;
        }
    }

    /// <summary>Applies the step's outcome; returns the progress reports it causes.</summary>
    public List<TaskProgress> Moved(GridCell cell, DateTimeOffset now, IReadOnlySet<GridCell> chargers)
    {
        var reports = new List<TaskProgress>();
        lock (_gate)
        {
            var moved = cell != Cell;
            Cell = cell;
            Battery = Math.Max(0, Battery - DrainPerStep - (moved ? DrainPerMove : 0));
            if (_assignment is not { } a)
            {
                if (_charging)
                {
                    _charging = false;
                }

                return reports;
            }

            if (_charging)
            {
                Battery = Math.Min(100, Battery + ChargePerStep);
                if (Battery >= ChargedPercent)
                {
                    _charging = false;
                    reports.Add(Finish(a, TaskProgressKind.Completed, now));
                }

                return reports;
            }

            if (_waypoint < a.Waypoints.Count && Cell == a.Waypoints[_waypoint])
            {
                var last = _waypoint == a.Waypoints.Count - 1;
                if (!last)
                {
                    reports.Add(new TaskProgress(a.TaskId, a.MissionId, TaskProgressKind.WaypointReached, _waypoint, null, now));
                    _waypoint++;
                    _goal = a.Waypoints[_waypoint];
                }
                else if (string.Equals(a.Kind, "charge", StringComparison.OrdinalIgnoreCase) && chargers.Contains(Cell))
                {
                    reports.Add(new TaskProgress(a.TaskId, a.MissionId, TaskProgressKind.WaypointReached, _waypoint, null, now));
                    _charging = true;
                    _goal = null;
                }
                else
                {
                    reports.Add(Finish(a, TaskProgressKind.Completed, now));
                }
            }
        }

        return reports;
    }

    /// <summary>The goal the planner should have for this robot now (null: none).</summary>
    public GridCell? Goal
    {
        get
        {
            lock (_gate)
            {
                return _goal;
            }
        }
    }

    public RobotTelemetry Telemetry(DateTimeOffset now) =>
        new(Cell.X, Cell.Y, 0, 0, 0, Math.Round(Battery, 2), Status, now);

    public void Accepted(DateTimeOffset now) => LastAcceptedReport = now;

    public void Failed() => ReportFailures++;

    private TaskProgress Finish(RobotAssignment a, TaskProgressKind kind, DateTimeOffset now)
    {
        _assignment = null;
        _waypoint = 0;
        _goal = null;
        if (kind == TaskProgressKind.Completed)
        {
            TasksCompleted++;
        }

        return new TaskProgress(a.TaskId, a.MissionId, kind, Math.Max(0, a.Waypoints.Count - 1), null, now);
    }

    private void Apply(RobotCommand command, DateTimeOffset now)
    {
        switch (command.Kind)
        {
            case RobotCommandKind.Assign when command.Assignment is { } a:
                if (_assignment?.TaskId == a.TaskId)
                {
                    return;
                }

                _assignment = a;
                _waypoint = 0;
                _charging = false;
                _goal = a.Waypoints.Count > 0 ? a.Waypoints[0] : null;
                OnAssigned?.Invoke(a, now);
                break;
            case RobotCommandKind.Cancel:
                if (_assignment is not null && (command.TaskId is null || command.TaskId == _assignment.TaskId))
                {
                    _assignment = null;
                    _waypoint = 0;
                    _charging = false;
                    _goal = null;
                }

                break;
            case RobotCommandKind.FollowPath when command.Path is { } p:
                if (_path is null || p.StartStep <= (_path?.StartStep ?? long.MinValue))
                {
                    _path = p;
                    _nextPath = null;
                }
                else
                {
                    _nextPath = p;
                }

                break;
        }
    }
}
