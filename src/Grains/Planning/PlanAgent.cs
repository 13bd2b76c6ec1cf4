using Coordination.Common;

namespace Coordination.Planning;

/// <summary>
/// A robot going into a plan: where it will be when the plan starts (<see cref="Start"/>: projected along its current
/// path, or where it reported), where it reported (<see cref="Reported"/>, used when projections collide) and its goal.
/// </summary>
public sealed record PlanAgent(string RobotId, GridCell Start, GridCell Reported, GridCell? Goal, DateTimeOffset GoalSetAt);
