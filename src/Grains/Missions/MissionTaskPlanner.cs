using System.Globalization;
using Coordination.Common;

namespace Coordination.Missions;

/// <summary>
/// Turns a valid spec into dispatchable tasks: one per plain task, one per step of a compose (each step after the
/// one before it). Task ids are <c>missionId/localId</c>, the local id being the spec's id or the position
/// (<c>2</c>, <c>3.1</c>).
/// </summary>
public static class MissionTaskPlanner
{
    public static List<MissionTaskState> Plan(MissionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tasks = new List<MissionTaskState>();
        for (var i = 0; i < spec.Tasks.Count; i++)
        {
            var task = spec.Tasks[i];
            var local = task.Id ?? i.ToString(CultureInfo.InvariantCulture);
            var path = string.Create(CultureInfo.InvariantCulture, $"$.tasks[{i}]");
            if (task.Kind != MissionTaskKind.Compose)
            {
                tasks.Add(Leaf(spec.Id, local, path, task, after: null));
                continue;
            }

            string? previous = null;
            for (var j = 0; j < task.Steps!.Count; j++)
            {
                var step = task.Steps[j];
                var stepLocal = step.Id ?? string.Create(CultureInfo.InvariantCulture, $"{local}.{j}");
                var leaf = Leaf(spec.Id, stepLocal, string.Create(CultureInfo.InvariantCulture, $"{path}.steps[{j}]"), step, previous);
                tasks.Add(leaf);
                previous = leaf.TaskId;
            }
        }

        return tasks;
    }

    /// <summary>The cells a task visits in order (empty for a charge without station: the dispatcher picks the charger).</summary>
    public static List<GridCell> Waypoints(MissionTaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(task);
        switch (task.Kind)
        {
            case MissionTaskKind.Goto:
                return [task.Goal!.Value];
            case MissionTaskKind.Delivery:
                return [task.Pickup!.Value, task.Dropoff!.Value];
            case MissionTaskKind.Patrol:
                var route = new List<GridCell>(task.Places!.Count * task.Rounds);
                for (var r = 0; r < task.Rounds; r++)
                {
                    route.AddRange(task.Places);
                }

                return route;
            case MissionTaskKind.Charge:
                return task.Station is { } s ? [s] : [];
            default:
                throw new ArgumentException($"a {task.Kind} task has no waypoints of its own", nameof(task));
        }
    }

    private static MissionTaskState Leaf(string missionId, string local, string path, MissionTaskSpec task, string? after) => new()
    {
        TaskId = $"{missionId}/{local}",
        Path = path,
        Kind = task.Kind,
        Requires = [.. task.Requires ?? []],
        Waypoints = Waypoints(task),
        After = after,
        Status = after is null ? MissionTaskStatus.Queued : MissionTaskStatus.Waiting,
    };
}
