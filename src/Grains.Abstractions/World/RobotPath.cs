using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// A collision-free path from the cooperative planner: the robot is at <c>Cells[i]</c> at plan step
/// <c>StartStep + i</c> (steps of <see cref="StepDuration"/> counted from the Unix epoch), and stays on the last cell.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotPath")]
public sealed record RobotPath(
    [property: Id(0)] string WorldId,
    [property: Id(1)] long PlanId,
    [property: Id(2)] long StartStep,
    [property: Id(3)] TimeSpan StepDuration,
    [property: Id(4)] IReadOnlyList<GridCell> Cells);
