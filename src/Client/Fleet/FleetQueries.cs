using Coordination.Fleet;
using Coordination.Placement;
using Orleans;

namespace Coordination.Client.Fleet;

/// <summary>
/// Fleet listings from the indexes the twins keep (no twin is activated): robots by status, capability and zone;
/// compute nodes by health, tier, zone and profile. Filter values are checked against the vocabularies.
/// </summary>
public static class FleetQueries
{
    /// <summary>Robot statuses as fleet managers write them.</summary>
    public static IReadOnlyList<string> RobotStatuses { get; } = Enum.GetNames<RobotStatus>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>Node health values as written in listings.</summary>
    public static IReadOnlyList<string> NodeHealths { get; } = ["unknown", "ready", "not-ready", "throttled"];

    public static async Task<IReadOnlyList<RobotSummary>> ListRobotsAsync(IClusterClient cluster, string? status = null, string? capability = null, string? zone = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!string.IsNullOrEmpty(status) && !RobotStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"--status: unknown status '{status}' (expected {string.Join(", ", RobotStatuses)})");
        }

        return await cluster.GetGrain<IFleetIndexGrain>(FleetIndex.Key).List(Empty(status), Empty(capability), Empty(zone));
    }

    public static async Task<IReadOnlyList<NodeSnapshot>> ListNodesAsync(IClusterClient cluster, string? health = null, string? tier = null, string? zone = null, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!string.IsNullOrEmpty(health) && !NodeHealths.Contains(health, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"--health: unknown health '{health}' (expected {string.Join(", ", NodeHealths)})");
        }

        if (!string.IsNullOrEmpty(tier) && !NodeTier.All.Contains(tier, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"--tier: unknown tier '{tier}' (expected {string.Join(", ", NodeTier.All)})");
        }

        return await cluster.GetGrain<INodeIndexGrain>(NodeIndex.Key).List(Empty(health), Empty(tier), Empty(zone), Empty(profile));
    }

    /// <summary>How a status reads in listings (<c>idle</c>, <c>offline</c>, ...).</summary>
    public static string Vocabulary(RobotStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>How a health reads in listings (<c>ready</c>, <c>not-ready</c>, ...).</summary>
    public static string Vocabulary(NodeHealth health) => health switch
    {
        NodeHealth.NotReady => "not-ready",
        _ => health.ToString().ToLowerInvariant(),
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
