namespace Coordination.Planning;

/// <summary>The durable facts of a planner: the robots it plans for, their goals and last reported cells.</summary>
[GenerateSerializer]
[Alias("Coordination.PlannerState")]
public sealed class PlannerState
{
    [Id(0)]
    public Dictionary<string, PlannerRobotState> Robots { get; set; } = new(StringComparer.Ordinal);
}
