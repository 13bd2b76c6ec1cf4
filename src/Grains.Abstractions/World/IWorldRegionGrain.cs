using Coordination.Common;

namespace Coordination.World;

/// <summary>
/// One rectangle of a world (key: <see cref="WorldKeys.Region"/>): the dynamic obstacles and robot positions inside it,
/// with its own version and change feed. Called by the world model grain, which routes by cell.
/// </summary>
[Alias("Coordination.IWorldRegionGrain")]
public interface IWorldRegionGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("ApplyPositions")]
    Task ApplyPositions(IReadOnlyList<RobotPosition> positions, IReadOnlyList<string> departed);

    [Alias("AddObstacle")]
    Task<WorldObstacle> AddObstacle(GridCell cell, string source, TimeSpan? ttl);

    [Alias("RemoveObstacle")]
    Task<bool> RemoveObstacle(GridCell cell);

    [Alias("GetSnapshot")]
    Task<RegionSnapshot> GetSnapshot();

    /// <summary>Changes with a version above <paramref name="afterVersion"/> still in the region's log (oldest first).</summary>
    [ReadOnly]
    [Alias("GetChanges")]
    Task<WorldChangeBatch> GetChanges(long afterVersion);

    /// <summary>
    /// Sends <paramref name="observer"/> the region's changes until <paramref name="until"/>. Returns the version of the
    /// region's last change: the observer receives every change after it (one-way, so batches may arrive out of order).
    /// </summary>
    [Alias("Subscribe")]
    Task<long> Subscribe(IWorldObserver observer, DateTimeOffset until);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IWorldObserver observer);

    /// <summary>Drops everything (the world got a new map); the region is not used again.</summary>
    [Alias("Retire")]
    Task Retire();
}
