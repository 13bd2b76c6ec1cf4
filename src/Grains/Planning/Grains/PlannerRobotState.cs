using Coordination.Common;

namespace Coordination.Planning;

/// <summary>One robot of a planner: where it said it was, and the goal it has to reach (if any).</summary>
[GenerateSerializer]
[Alias("Coordination.PlannerRobotState")]
public sealed class PlannerRobotState
{
    [Id(0)]
    public GridCell Cell { get; set; }

    [Id(1)]
    public GridCell? Goal { get; set; }

    /// <summary>When the goal was set: the earlier goal wins when two robots want the same cell.</summary>
    [Id(2)]
    public DateTimeOffset GoalSetAt { get; set; }
}
