using Coordination.Fleet;
using Coordination.World;

namespace Coordination.Planning;

/// <summary>Delivers paths through <see cref="IRobotGrain.FollowPath"/>, which forwards them to the robot's session.</summary>
public sealed class RobotTwinPathDelivery(IGrainFactory grains) : IRobotPathDelivery
{
    public Task DeliverAsync(string robotId, RobotPath path) => grains.GetGrain<IRobotGrain>(robotId).FollowPath(path);
}
