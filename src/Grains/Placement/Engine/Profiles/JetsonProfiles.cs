namespace Coordination.Placement.Engine;

/// <summary>
/// Catalog of the Jetson modules of <c>benchmarks/jetson/PROFILES.md</c> (memory, cores, power) and their tiers.
/// Allocatable memory is 7/8 of the module's unified memory, the same figure for GPU and system memory.
/// </summary>
public static class JetsonProfiles
{
    /// <summary>The label that carries a node's profile id when <see cref="PlacementNode.Profile"/> is not set.</summary>
    public const string ProfileLabel = "jetson/profile";

    /// <summary>The label that carries a node's tier name (<c>high-performance</c>, <c>balanced</c>, <c>edge</c>).</summary>
    public const string TierLabel = "jetson/tier";

    private static readonly Dictionary<string, JetsonProfile> ById = new(StringComparer.Ordinal);

    static JetsonProfiles()
    {
        All =
        [
            Module("agx-orin-64gb", JetsonTier.HighPerformance, 64, 12, 60),
            Module("agx-orin-32gb", JetsonTier.HighPerformance, 32, 8, 40),
            Module("agx-xavier", JetsonTier.HighPerformance, 32, 8, 30),
            Module("orin-nx-16gb", JetsonTier.Balanced, 16, 8, 25),
            Module("orin-nx-8gb", JetsonTier.Balanced, 8, 6, 20),
            Module("xavier-nx", JetsonTier.Balanced, 8, 6, 20),
            Module("orin-nano-8gb", JetsonTier.Edge, 8, 6, 15),
            Module("orin-nano-4gb", JetsonTier.Edge, 4, 6, 10),
            Module("nano", JetsonTier.Edge, 4, 4, 10),
        ];
        foreach (var profile in All)
        {
            ById.Add(profile.Id, profile);
        }
    }

    /// <summary>Every known profile.</summary>
    public static IReadOnlyList<JetsonProfile> All { get; }

    /// <summary>Looks a profile up by id.</summary>
    public static bool TryGet(string id, out JetsonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id, out profile!);
    }

    /// <summary>The label value of a tier (<c>high-performance</c>, <c>balanced</c>, <c>edge</c>).</summary>
    public static string TierName(JetsonTier tier) => tier switch
    {
        JetsonTier.HighPerformance => "high-performance",
        JetsonTier.Balanced => "balanced",
        _ => "edge",
    };

    /// <summary>
    /// The tier of a node: from <see cref="PlacementNode.Profile"/>, else the <see cref="ProfileLabel"/> label,
    /// else the <see cref="TierLabel"/> label; <c>null</c> when none is known.
    /// </summary>
    public static JetsonTier? TierOf(PlacementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Profile is { } id && ById.TryGetValue(id, out var profile))
        {
            return profile.Tier;
        }

        if (node.Labels.TryGetValue(ProfileLabel, out var labelled) && ById.TryGetValue(labelled, out profile))
        {
            return profile.Tier;
        }

        if (node.Labels.TryGetValue(TierLabel, out var tierName))
        {
            foreach (var tier in Enum.GetValues<JetsonTier>())
            {
                if (string.Equals(TierName(tier), tierName, StringComparison.Ordinal))
                {
                    return tier;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The tier a workload naturally belongs to, from its GPU memory request (>= 8 GiB high-performance,
    /// >= 2 GiB balanced, else edge); used only as a soft preference.
    /// </summary>
    public static JetsonTier NaturalTier(Resources requests) => requests.GpuMemoryMiB switch
    {
        >= 8192 => JetsonTier.HighPerformance,
        >= 2048 => JetsonTier.Balanced,
        _ => JetsonTier.Edge,
    };

    private static JetsonProfile Module(string id, JetsonTier tier, int memoryGb, int cores, double watts)
    {
        var allocatableMiB = memoryGb * 1024L * 7 / 8;
        return new JetsonProfile(id, tier, new Resources(allocatableMiB, cores * 1000L, allocatableMiB), watts);
    }
}
