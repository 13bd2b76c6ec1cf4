namespace Coordination.Placement;

/// <summary>
/// The node index (one per cluster, key <see cref="NodeIndex.Key"/>): the latest snapshot of every compute node,
/// kept up to date by the node twins, so listing nodes never activates every twin.
/// </summary>
[Alias("Coordination.INodeIndexGrain")]
public interface INodeIndexGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("Upsert")]
    Task Upsert(NodeSnapshot node);

    /// <summary>Nodes ordered by name; filters are case-insensitive and optional (health as the enum name, tier, zone label, profile id).</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<NodeSnapshot>> List(string? health = null, string? tier = null, string? zone = null, string? profile = null);
}
