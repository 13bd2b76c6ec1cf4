namespace Coordination.Fleet;

/// <summary>
/// The fleet index (one per cluster, key <see cref="FleetIndex.Key"/>): summaries the twins keep up to date,
/// so listing and filtering robots never activates every twin. Twins send only summary changes, batched per silo.
/// </summary>
[Alias("Coordination.IFleetIndexGrain")]
public interface IFleetIndexGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(RobotSummary summary);

    /// <summary>Several summaries at once (a silo's batch); a summary older than the stored one is ignored.</summary>
    [OneWay]
    [Alias("UpsertMany")]
    Task UpsertMany(IReadOnlyList<RobotSummary> summaries);

    /// <summary>Robots ordered by id; each filter is case-insensitive and optional (status as the enum name, e.g. <c>idle</c>).</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<RobotSummary>> List(string? status = null, string? capability = null, string? zone = null);

    [ReadOnly]
    [Alias("Count")]
    Task<int> Count();
}
