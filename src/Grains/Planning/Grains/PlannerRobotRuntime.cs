using Coordination.World;

namespace Coordination.Planning;

/// <summary>What a planner activation knows about a robot beyond its durable state (lost on deactivation).</summary>
internal sealed class PlannerRobotRuntime
{
    /// <summary>The path last handed to the robot by this activation.</summary>
    public RobotPath? Path { get; set; }

    /// <summary>The robot reported a cell its path does not explain (or is too far behind): plan from where it is.</summary>
    public bool OffPlan { get; set; }

    /// <summary>The robot reported its cell to this activation (its durable cell is then current).</summary>
    public bool Reported { get; set; }

    /// <summary>Why the robot's goal was left out of the last plan, if it was.</summary>
    public string? GoalProblem { get; set; }
}
