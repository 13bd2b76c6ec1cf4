namespace Coordination.Placement;

/// <summary>One CPU core in a tegrastats line: <c>23%@2201</c>, or <c>off</c>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.CpuCoreLoad")]
public readonly record struct CpuCoreLoad(
    [property: Id(0)] bool Online,
    [property: Id(1)] double LoadPercent,
    [property: Id(2)] int FrequencyMHz);
