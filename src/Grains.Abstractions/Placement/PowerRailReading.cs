namespace Coordination.Placement;

/// <summary>One power rail in a tegrastats line: <c>VDD_GPU_SOC 5139mW/5139mW</c> or <c>POM_5V_IN 2617/2617</c> (milliwatts).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PowerRailReading")]
public sealed record PowerRailReading(
    [property: Id(0)] string Name,
    [property: Id(1)] double CurrentMilliwatts,
    [property: Id(2)] double AverageMilliwatts);
