using Coordination.World;

namespace Coordination.Fleet;

/// <summary>
/// Port: where a robot twin's news goes. The default (<see cref="GrainFleetPublisher"/>) tells the world's dispatcher
/// at once (one-way), batches summaries for the fleet index and positions for the world model per silo, and forwards
/// task progress to the mission. Tests wrap it to observe what the twins announce.
/// </summary>
public interface IFleetPublisher
{
    /// <summary>Status, battery band, cell or assignment changed (called from the twin's turn).</summary>
    void RobotUpdated(RobotSummary summary);

    /// <summary>The robot's cell changed; the latest position per robot is sent in the next batch.</summary>
    void RobotMoved(string worldId, RobotPosition position);

    /// <summary>Forwards the robot's task progress to its mission (awaited, so the robot learns of a failure).</summary>
    Task TaskProgressed(string robotId, TaskProgress progress);
}
