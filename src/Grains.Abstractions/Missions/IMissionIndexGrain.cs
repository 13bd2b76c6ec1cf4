namespace Coordination.Missions;

/// <summary>
/// The mission index (one per cluster, key <see cref="MissionIndex.Key"/>): a summary of every mission that is not
/// over plus the most recent finished ones, so listing never activates every mission.
/// </summary>
[Alias("Coordination.IMissionIndexGrain")]
public interface IMissionIndexGrain : IGrainWithStringKey
{
    /// <summary>A mission reports its summary whenever its status changes (and on its reconcile ticks).</summary>
    [OneWay]
    [Alias("Upsert")]
    Task Upsert(MissionSummary summary);

    /// <summary>Missions newest first, optionally filtered by status (e.g. <c>underway</c>) and world.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<MissionSummary>> List(string? status = null, string? worldId = null, int limit = 100);

    /// <summary>Asks every mission of a world that is not over to reconcile with the dispatcher (after a restart).</summary>
    [OneWay]
    [Alias("ReconcileWorld")]
    Task ReconcileWorld(string worldId);
}
