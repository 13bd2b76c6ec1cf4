namespace Coordination.Placement.Engine;

/// <summary>Tiers of the platform brief, from smallest to largest module.</summary>
public enum JetsonTier
{
    /// <summary>Nano, Orin Nano: sensor collection, basic image processing, gateway, caching.</summary>
    Edge = 0,

    /// <summary>Orin NX, Xavier NX: real-time perception, local planning, tracking.</summary>
    Balanced = 1,

    /// <summary>AGX Orin, AGX Xavier: complex inference, SLAM, fusion, planning.</summary>
    HighPerformance = 2,
}
