using Coordination.Common;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions;

/// <summary>
/// What missions and the dispatcher need of a world: its grid (travel costs are 4-connected shortest paths on it)
/// and its charging stations. Keep returning the same <see cref="Grid"/> instance while the map is unchanged:
/// distance fields are cached per grid instance and target cell.
/// </summary>
public sealed record WorldMap(GridMap Grid, IReadOnlyList<GridCell> Chargers);
