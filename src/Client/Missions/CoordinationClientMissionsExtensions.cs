using Coordination.Client;
using Coordination.Missions;

namespace Coordination.Client.Missions;

public static class CoordinationClientMissionsExtensions
{
    /// <summary>The missions facade of a connected client.</summary>
    public static MissionsClient Missions(this CoordinationClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new MissionsClient(client.Cluster);
    }
}
