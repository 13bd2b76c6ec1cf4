using Coordination.Common;

namespace Coordination.World;

/// <summary>The plan clock: steps of a fixed duration counted from the Unix epoch, and where a path puts a robot.</summary>
public static class PlanSteps
{
    /// <summary>The step that contains <paramref name="time"/>.</summary>
    public static long StepAt(DateTimeOffset time, TimeSpan stepDuration)
    {
        if (stepDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(stepDuration), stepDuration, "must be positive");
        }

        return Math.DivRem(time.ToUnixTimeMilliseconds(), (long)stepDuration.TotalMilliseconds).Quotient;
    }

    /// <summary>When step <paramref name="step"/> begins.</summary>
    public static DateTimeOffset StartOf(long step, TimeSpan stepDuration) =>
        DateTimeOffset.FromUnixTimeMilliseconds(step * (long)stepDuration.TotalMilliseconds);

    /// <summary>Where the path has the robot at <paramref name="step"/>: its first cell before the path starts, its last after it ends.</summary>
    public static GridCell CellAt(RobotPath path, long step)
    {
        ArgumentNullException.ThrowIfNull(path);
        var i = step - path.StartStep;
        return i <= 0 ? path.Cells[0] : path.Cells[(int)Math.Min(i, path.Cells.Count - 1)];
    }

    /// <summary>The last step at which the path still moves the robot (its start step when it only stays).</summary>
    public static long LastStep(RobotPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartStep + path.Cells.Count - 1;
    }
}
