using Coordination.Missions;

namespace Coordination.Simulation.Setup;

/// <summary>The simulation's one floor for the dispatcher's travel costs (other worlds: an open grid).</summary>
public sealed class FixedWorldMapSource(string worldId, WorldMap map) : IWorldMapSource
{
    public Task<WorldMap> GetMapAsync(string worldId1) =>
        Task.FromResult(string.Equals(worldId1, worldId, StringComparison.Ordinal)
            ? map
            : new WorldMap(Coordination.Planning.Mapf.Grid.GridMap.Open(64, 64, worldId1), []));
}
