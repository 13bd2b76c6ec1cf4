namespace Coordination.Client.World;

public static class CoordinationClientWorldExtensions
{
    /// <summary>The world and planning facade of a connected client.</summary>
    public static WorldClient World(this CoordinationClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new WorldClient(client.Cluster);
    }
}
