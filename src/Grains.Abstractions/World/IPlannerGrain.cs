using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// The cooperative planner of a world (key: world id). It plans collision-free paths for every robot with a goal
/// (robots without one are part of the plan and get a path when they must make way), re-plans when goals change,
/// when an obstacle appears on a planned path and when a robot falls behind, and pushes each robot its path through
/// its twin (<c>IRobotGrain.FollowPath</c>). Only plans that pass the MAPF plan validator are handed out.
/// </summary>
[Alias("Coordination.IPlannerGrain")]
public interface IPlannerGrain : IGrainWithStringKey
{
    /// <summary>The robot, now at <paramref name="current"/>, has to reach <paramref name="goal"/>.</summary>
    [Alias("SetGoal")]
    Task SetGoal(string robotId, GridCell current, GridCell goal);

    /// <summary>The robot has nothing to reach any more (it stays where it is unless it has to make way).</summary>
    [Alias("ClearGoal")]
    Task ClearGoal(string robotId);

    /// <summary>The robot is at <paramref name="cell"/> at plan step <paramref name="step"/> (see <see cref="PlanSteps"/>).</summary>
    [Alias("ReportProgress")]
    Task ReportProgress(string robotId, GridCell cell, long step);

    /// <summary>The robot left the world (offline, moved to another map): it is no longer planned for.</summary>
    [Alias("RemoveRobot")]
    Task RemoveRobot(string robotId);

    /// <summary>The current plan and what the planner knows about each robot.</summary>
    [ReadOnly]
    [Alias("GetPlan")]
    Task<PlanSnapshot> GetPlan();
}
