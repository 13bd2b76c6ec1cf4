using Orleans;
using Orleans.Runtime;

namespace Coordination.Cli.Commands.Cluster;

/// <summary>One silo as `coord status` shows it.</summary>
internal sealed record ClusterStatus(string Address, string Name, string Host, string Status, int? Activations, DateTime StartedAt)
{
    /// <summary>Reads every silo of the membership table and the activation count of each active one.</summary>
    public static async Task<IReadOnlyList<ClusterStatus>> ReadAsync(IClusterClient cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var management = cluster.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var stats = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var counts = new Dictionary<SiloAddress, int>();
        for (var i = 0; i < active.Length && i < stats.Length; i++)
        {
            counts[active[i]] = stats[i].ActivationCount;
        }

        return hosts
            .OrderBy(h => h.Status == SiloStatus.Active ? 0 : 1)
            .ThenBy(h => h.SiloName, StringComparer.Ordinal)
            .Select(h => new ClusterStatus(
                h.SiloAddress.ToParsableString(),
                h.SiloName,
                h.HostName,
                h.Status.ToString(),
                counts.TryGetValue(h.SiloAddress, out var c) ? c : null,
                h.StartTime))
            .ToList();
    }
}
