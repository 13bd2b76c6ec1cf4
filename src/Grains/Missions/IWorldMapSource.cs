namespace Coordination.Missions;

/// <summary>Where the dispatcher and missions get a world's map (port; the world model provides the real one).</summary>
public interface IWorldMapSource
{
    /// <summary>The map of <paramref name="worldId"/>; never <c>null</c> (an unknown world may get a default map).</summary>
    Task<WorldMap> GetMapAsync(string worldId);
}
