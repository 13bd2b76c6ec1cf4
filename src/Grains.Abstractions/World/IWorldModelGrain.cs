using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// The shared world model of one floor (key: world id): the occupancy grid (MovingAI <c>.map</c>), dynamic obstacles
/// with expiry, robot positions, versioned snapshots and a change feed. Obstacles and positions live in the world's
/// region grains (<see cref="IWorldRegionGrain"/>); this grain holds the map, routes to the regions and answers
/// distance queries.
/// </summary>
[Alias("Coordination.IWorldModelGrain")]
public interface IWorldModelGrain : IGrainWithStringKey
{
    /// <summary>Robot twins feed the positions they see, in batches.</summary>
    [OneWay]
    [Alias("UpdateRobotPositions")]
    Task UpdateRobotPositions(IReadOnlyList<RobotPosition> positions);

    /// <summary>
    /// Loads (or replaces) the map from MovingAI <c>.map</c> text. A bad map throws
    /// <see cref="CoordinationValidationException"/> whose field is <c>file:line</c> and changes nothing.
    /// Replacing a map starts a new map version: obstacles and positions of the old map are dropped.
    /// </summary>
    [Alias("UploadMap")]
    Task<WorldInfo> UploadMap(string mapText, string fileName);

    /// <summary>Size, map version and region layout; <c>null</c> when no map was uploaded.</summary>
    [ReadOnly]
    [Alias("GetInfo")]
    Task<WorldInfo?> GetInfo();

    /// <summary>
    /// The grid for planners and dispatchers: the static map rows and the current dynamic obstacles (no positions,
    /// answered by this grain alone). Throws when no map was uploaded.
    /// </summary>
    [ReadOnly]
    [Alias("GetMapSnapshot")]
    Task<WorldMapSnapshot> GetMapSnapshot();

    /// <summary>Everything: map, obstacles and robot positions of every region, with a version that increases on every change.</summary>
    [Alias("GetSnapshot")]
    Task<WorldSnapshot> GetSnapshot();

    /// <summary>
    /// Marks a free cell as blocked (by a robot's sensors or an operator). <paramref name="ttl"/> <c>null</c> keeps it
    /// until removed. Adding an obstacle where one is refreshes it.
    /// </summary>
    [Alias("AddObstacle")]
    Task<WorldObstacle> AddObstacle(GridCell cell, string source, TimeSpan? ttl);

    /// <summary>Removes the dynamic obstacle on a cell; false when there was none.</summary>
    [Alias("RemoveObstacle")]
    Task<bool> RemoveObstacle(GridCell cell);

    /// <summary>
    /// 4-connected shortest-path lengths from each cell of <paramref name="from"/> to <paramref name="target"/>
    /// around walls and current obstacles (one breadth-first search per target, cached);
    /// <see cref="WorldDistances.Unreachable"/> where no path exists.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetDistances")]
    Task<IReadOnlyList<int>> GetDistances(GridCell target, IReadOnlyList<GridCell> from);

    /// <summary>
    /// Subscribes an observer to the change feed of the map and of every region for <paramref name="lease"/>
    /// (default <see cref="WorldOptionsDefaults.ObserverLease"/>); subscribe again before it ends to keep receiving.
    /// Returns, per region key, the version of the region's last change: the observer receives every change after it.
    /// </summary>
    [Alias("Subscribe")]
    Task<IReadOnlyDictionary<string, long>> Subscribe(IWorldObserver observer, TimeSpan? lease);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IWorldObserver observer);

    /// <summary>A region grain reports obstacles it let expire (so the world's view of the grid follows).</summary>
    [OneWay]
    [Alias("ObstaclesExpired")]
    Task ObstaclesExpired(long mapVersion, IReadOnlyList<WorldObstacle> obstacles);
}
