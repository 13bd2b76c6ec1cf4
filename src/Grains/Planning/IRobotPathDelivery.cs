using Coordination.World;

namespace Coordination.Planning;

/// <summary>How the planner hands a robot its path (the default goes through the robot's twin).</summary>
public interface IRobotPathDelivery
{
    Task DeliverAsync(string robotId, RobotPath path);
}
