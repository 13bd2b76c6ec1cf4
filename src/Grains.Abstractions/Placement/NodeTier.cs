namespace Coordination.Placement;

/// <summary>Node tiers of the platform (as they appear in <see cref="NodeSnapshot.Tier"/>).</summary>
public static class NodeTier
{
    /// <summary>AGX Orin, AGX Xavier: complex inference, SLAM, fusion, planning.</summary>
    public const string HighPerformance = "high-performance";

    /// <summary>Orin NX, Xavier NX: real-time perception, local planning, tracking.</summary>
    public const string Balanced = "balanced";

    /// <summary>Nano, Orin Nano: sensor collection, basic image processing, gateway, caching.</summary>
    public const string Edge = "edge";

    public static IReadOnlyList<string> All { get; } = [HighPerformance, Balanced, Edge];
}
