using System.Collections.Concurrent;
using Coordination.Planning;
using Coordination.World;

namespace Coordination.Tests.World;

/// <summary>Records every path the planners hand out (instead of sending it to a robot twin).</summary>
public sealed class RecordingPathDelivery : IRobotPathDelivery
{
    private readonly ConcurrentQueue<(string RobotId, RobotPath Path)> _deliveries = new();

    public Task DeliverAsync(string robotId, RobotPath path)
    {
        _deliveries.Enqueue((robotId, path));
        return Task.CompletedTask;
    }

    /// <summary>The latest path of each robot of a world.</summary>
    public Dictionary<string, RobotPath> Latest(string worldId)
    {
        var latest = new Dictionary<string, RobotPath>(StringComparer.Ordinal);
        foreach (var (robot, path) in _deliveries)
        {
            if (path.WorldId == worldId && (!latest.TryGetValue(robot, out var seen) || seen.PlanId <= path.PlanId))
            {
                latest[robot] = path;
            }
        }

        return latest;
    }
}
