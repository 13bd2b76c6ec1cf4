namespace Coordination.Placement;

/// <summary>A compute node (Jetson) as the placement grain sees it: profile, health and live signals.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.NodeSnapshot")]
public sealed record NodeSnapshot(
    [property: Id(0)] string NodeName,
    [property: Id(1)] string ProfileId,
    [property: Id(2)] string Tier,
    [property: Id(3)] NodeHealth Health,
    [property: Id(4)] double GpuUtilization,
    [property: Id(5)] double TemperatureC,
    [property: Id(6)] double PowerWatts,
    [property: Id(7)] double PowerBudgetWatts,
    [property: Id(8)] long MemoryTotalMiB,
    [property: Id(9)] long MemoryUsedMiB,
    [property: Id(10)] int CpuCores,
    [property: Id(11)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(12)] DateTimeOffset At);
