using Coordination.Common;
using Coordination.World;
using Orleans;

namespace Coordination.Client.World;

/// <summary>
/// The SDK facade of world maps and cooperative planning: upload a map, add and remove obstacles, read snapshots and
/// distances, set and clear robot goals, report progress, follow the change feed.
/// </summary>
public sealed class WorldClient(IClusterClient cluster)
{
    public IClusterClient Cluster { get; } = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>Uploads (or replaces) a world's map from MovingAI <c>.map</c> text; bad maps throw naming <c>file:line</c>.</summary>
    public Task<WorldInfo> UploadMapAsync(string worldId, string mapText, string fileName = "map") =>
        WorldGrain(worldId).UploadMap(mapText, fileName);

    /// <summary>Reads a <c>.map</c> file and uploads it; an unreadable file throws <see cref="CoordinationValidationException"/> naming it.</summary>
    public async Task<WorldInfo> UploadMapFileAsync(string worldId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CoordinationValidationException(path, $"cannot read the file: {e.Message}");
        }

        return await UploadMapAsync(worldId, text, Path.GetFileName(path));
    }

    public Task<WorldInfo?> GetInfoAsync(string worldId) => WorldGrain(worldId).GetInfo();

    public Task<WorldSnapshot> GetSnapshotAsync(string worldId) => WorldGrain(worldId).GetSnapshot();

    public Task<WorldMapSnapshot> GetMapSnapshotAsync(string worldId) => WorldGrain(worldId).GetMapSnapshot();

    /// <summary>Blocks a cell; <paramref name="ttl"/> <c>null</c> keeps it until removed.</summary>
    public Task<WorldObstacle> AddObstacleAsync(string worldId, GridCell cell, TimeSpan? ttl = null, string source = "operator") =>
        WorldGrain(worldId).AddObstacle(cell, source, ttl);

    public Task<bool> RemoveObstacleAsync(string worldId, GridCell cell) => WorldGrain(worldId).RemoveObstacle(cell);

    /// <summary>Shortest 4-connected path lengths to <paramref name="target"/>; <see cref="WorldDistances.Unreachable"/> where none.</summary>
    public Task<IReadOnlyList<int>> GetDistancesAsync(string worldId, GridCell target, IReadOnlyList<GridCell> from) =>
        WorldGrain(worldId).GetDistances(target, from);

    /// <summary>Robot software: the robot at <paramref name="current"/> has to reach <paramref name="goal"/>; its path arrives through its twin.</summary>
    public Task SetGoalAsync(string worldId, string robotId, GridCell current, GridCell goal) =>
        Planner(worldId).SetGoal(robotId, current, goal);

    public Task ClearGoalAsync(string worldId, string robotId) => Planner(worldId).ClearGoal(robotId);

    /// <summary>Robot software: where the robot is at plan step <paramref name="step"/> (see <see cref="PlanSteps"/>).</summary>
    public Task ReportProgressAsync(string worldId, string robotId, GridCell cell, long step) =>
        Planner(worldId).ReportProgress(robotId, cell, step);

    public Task RemoveRobotAsync(string worldId, string robotId) => Planner(worldId).RemoveRobot(robotId);

    public Task<PlanSnapshot> GetPlanAsync(string worldId) => Planner(worldId).GetPlan();

    /// <summary>
    /// Follows a world's change feed: <paramref name="onChanges"/> gets every batch (map uploads, obstacles, robot
    /// moves) until the returned subscription is disposed. The lease is renewed in the background.
    /// </summary>
    public async Task<IAsyncDisposable> WatchAsync(string worldId, Action<WorldChangeBatch> onChanges, TimeSpan? lease = null)
    {
        ArgumentNullException.ThrowIfNull(onChanges);
        var subscription = new WorldWatch(Cluster, WorldGrain(worldId), onChanges, lease ?? WorldOptionsDefaults.ObserverLease);
        await subscription.StartAsync();
        return subscription;
    }

    private IWorldModelGrain WorldGrain(string worldId) => Cluster.GetGrain<IWorldModelGrain>(RequireWorldId(worldId));

    private IPlannerGrain Planner(string worldId) => Cluster.GetGrain<IPlannerGrain>(RequireWorldId(worldId));

    private static string RequireWorldId(string worldId) =>
        WorldKeys.Problem(worldId) is { } problem ? throw new CoordinationValidationException("worldId", problem) : worldId;
}
