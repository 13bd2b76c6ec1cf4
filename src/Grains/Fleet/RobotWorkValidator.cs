using Coordination.Common;
using Coordination.World;

namespace Coordination.Fleet;

/// <summary>Checks assignments, paths and task progress at the twin's boundary; the error names the field.</summary>
public static class RobotWorkValidator
{
    public const int MaxWaypoints = 10_000;
    public const int MaxPathCells = 100_000;

    public static void Validate(RobotAssignment? assignment, string worldId, WorldBounds? bounds)
    {
        if (assignment is null)
        {
            throw new CoordinationValidationException("assignment", "is required");
        }

        Id("assignment.taskId", assignment.TaskId);
        Id("assignment.missionId", assignment.MissionId);
        if (assignment.Waypoints is null)
        {
            throw new CoordinationValidationException("assignment.waypoints", "is required (may be empty)");
        }

        if (assignment.Waypoints.Count > MaxWaypoints)
        {
            throw new CoordinationValidationException("assignment.waypoints", $"at most {MaxWaypoints} waypoints");
        }

        Cells("assignment.waypoints", assignment.Waypoints, worldId, bounds);
    }

    public static void Validate(RobotPath? path, string worldId, WorldBounds? bounds)
    {
        if (path is null)
        {
            throw new CoordinationValidationException("path", "is required");
        }

        if (!string.Equals(path.WorldId, worldId, StringComparison.Ordinal))
        {
            throw new CoordinationValidationException("path.worldId", $"'{path.WorldId}' is not the robot's world '{worldId}'");
        }

        if (path.StepDuration <= TimeSpan.Zero)
        {
            throw new CoordinationValidationException("path.stepDuration", "must be positive");
        }

        if (path.Cells is null || path.Cells.Count == 0)
        {
            throw new CoordinationValidationException("path.cells", "must hold at least one cell");
        }

        if (path.Cells.Count > MaxPathCells)
        {
            throw new CoordinationValidationException("path.cells", $"at most {MaxPathCells} cells");
        }

        Cells("path.cells", path.Cells, worldId, bounds);
    }

    public static void Validate(TaskProgress? progress, RobotAssignment? current)
    {
        if (progress is null)
        {
            throw new CoordinationValidationException("progress", "is required");
        }

        Id("progress.taskId", progress.TaskId);
        if (!Enum.IsDefined(progress.Kind))
        {
            throw new CoordinationValidationException("progress.kind", $"unknown kind {(int)progress.Kind}");
        }

        if (current is null)
        {
            throw new CoordinationValidationException("progress.taskId", $"'{progress.TaskId}' is not the robot's current task (it has none)");
        }

        if (!string.Equals(progress.TaskId, current.TaskId, StringComparison.Ordinal))
        {
            throw new CoordinationValidationException("progress.taskId", $"'{progress.TaskId}' is not the robot's current task ('{current.TaskId}')");
        }

        if (!string.Equals(progress.MissionId, current.MissionId, StringComparison.Ordinal))
        {
            throw new CoordinationValidationException("progress.missionId", $"'{progress.MissionId}' is not the mission of task '{current.TaskId}' ('{current.MissionId}')");
        }

        if (progress.WaypointIndex < 0)
        {
            throw new CoordinationValidationException("progress.waypointIndex", $"must not be negative (got {progress.WaypointIndex})");
        }
    }

    private static void Cells(string field, IReadOnlyList<GridCell> cells, string worldId, WorldBounds? bounds)
    {
        if (bounds is not { } b)
        {
            return;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (!b.Contains(cells[i].X, cells[i].Y))
            {
                throw new CoordinationValidationException($"{field}[{i}]", $"{cells[i]} is outside world '{worldId}' ({b} cells)");
            }
        }
    }

    private static void Id(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new CoordinationValidationException(field, "is required");
        }

        if (value.Length > RobotRegistrationValidator.MaxTextLength)
        {
            throw new CoordinationValidationException(field, $"longer than {RobotRegistrationValidator.MaxTextLength} characters");
        }
    }
}
