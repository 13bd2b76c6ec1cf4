namespace Coordination.Missions.Allocation;

/// <summary>One robot sent to one task; indices point into <see cref="AllocationProblem.Robots"/> and <see cref="AllocationProblem.Tasks"/>.</summary>
public sealed record Assignment(int RobotIndex, int TaskIndex, string Robot, string Task, int Cost);
