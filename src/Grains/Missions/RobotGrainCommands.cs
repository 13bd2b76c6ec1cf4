using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>The default <see cref="IRobotCommands"/>: calls the robot twins.</summary>
public sealed class RobotGrainCommands(IGrainFactory grains) : IRobotCommands
{
    public Task Assign(string robotId, RobotAssignment assignment) =>
        grains.GetGrain<IRobotGrain>(robotId).Assign(assignment);

    public Task<bool> CancelAssignment(string robotId, string taskId, string reason) =>
        grains.GetGrain<IRobotGrain>(robotId).CancelAssignment(taskId, reason);

    public Task<RobotAssignment?> GetCurrentAssignment(string robotId) =>
        grains.GetGrain<IRobotGrain>(robotId).GetCurrentAssignment();
}
