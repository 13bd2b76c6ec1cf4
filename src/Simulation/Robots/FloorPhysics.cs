using Coordination.Common;

namespace Coordination.Simulation.Robots;

/// <summary>
/// One step of the floor: every robot wants a cell (its own to wait, or a 4-neighbour). A robot's safety
/// sensors stop it before a cell another robot stays in, and before a head-on swap; they cannot stop two robots
/// entering one free cell in the same step (only a collision-free plan prevents that, and the collision checker
/// counts it). Returns the cells robots end the step on and how many safety stops there were.
/// </summary>
public static class FloorPhysics
{
    public static (Dictionary<string, GridCell> Positions, int SafetyStops) Step(
        IReadOnlyDictionary<string, GridCell> current,
        IReadOnlyDictionary<string, GridCell> wanted)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(wanted);
        var next = new Dictionary<string, GridCell>(StringComparer.Ordinal);
        var moving = new Dictionary<string, GridCell>(StringComparer.Ordinal);
        foreach (var (robot, cell) in current)
        {
            var target = wanted.TryGetValue(robot, out var w) && IsStepOrWait(cell, w) ? w : cell;
            if (target == cell)
            {
                next[robot] = cell;
            }
            else
            {
                moving[robot] = target;
            }
        }

        var occupant = current.ToDictionary(kv => kv.Value, kv => kv.Key);
        var stops = 0;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (robot, target) in moving.ToList())
            {
                var blocked = false;
                if (occupant.TryGetValue(target, out var other) && other != robot)
                {
                    if (next.ContainsKey(other))
                    {
                        // The cell ahead holds a robot that stays.
                        blocked = true;
                    }
                    else if (moving.TryGetValue(other, out var otherTarget) && otherTarget == current[robot])
                    {
                        // Head-on: both see each other and stop.
                        blocked = true;
                    }
                }

                if (blocked)
                {
                    moving.Remove(robot);
                    next[robot] = current[robot];
                    stops++;
                    changed = true;
                }
            }
        }

        foreach (var (robot, target) in moving)
        {
            next[robot] = target;
        }

        return (next, stops);
    }

    private static bool IsStepOrWait(GridCell from, GridCell to) =>
        Math.Abs(from.X - to.X) + Math.Abs(from.Y - to.Y) <= 1;
}
