using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>How the dispatcher and missions talk to robot twins (port; the default calls <see cref="IRobotGrain"/>).</summary>
public interface IRobotCommands
{
    /// <summary>Gives the robot its task; throws when the twin refuses (e.g. the robot is offline).</summary>
    Task Assign(string robotId, RobotAssignment assignment);

    /// <summary>Tells the robot to drop <paramref name="taskId"/>; returns whether it held that task.</summary>
    Task<bool> CancelAssignment(string robotId, string taskId, string reason);

    /// <summary>The task the robot holds now, or <c>null</c>.</summary>
    Task<RobotAssignment?> GetCurrentAssignment(string robotId);
}
