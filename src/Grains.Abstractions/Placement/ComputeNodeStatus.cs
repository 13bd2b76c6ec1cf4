namespace Coordination.Placement;

/// <summary>A compute node twin's view of its node: profile, health (with the reason) and derived live signals.</summary>
/// <param name="NodeName">Kubernetes node name (grain key).</param>
/// <param name="Profile">The hardware profile; <c>null</c> when the node never registered.</param>
/// <param name="Zone">Site zone.</param>
/// <param name="Health">Ready, not-ready (missed reports), throttled (hot or over budget), unknown (no report yet).</param>
/// <param name="HealthReason">Why the node has that health, e.g. <c>tj 91.5 °C above 85 °C</c>.</param>
/// <param name="GpuUtilization">GR3D load, 0–1.</param>
/// <param name="CpuUtilization">Mean load of the online cores, 0–1.</param>
/// <param name="MemoryPressure">RAM used / total, 0–1.</param>
/// <param name="TemperatureC">The hottest relevant sensor (tj when reported).</param>
/// <param name="PowerWatts">Power draw (the input rail, or the sum of the rails).</param>
/// <param name="PowerBudgetWatts">The power budget.</param>
/// <param name="LastSample">The last accepted sample.</param>
/// <param name="LastReportAt">Server time of the last report.</param>
/// <param name="Reports">Reports accepted by this activation.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.ComputeNodeStatus")]
public sealed record ComputeNodeStatus(
    [property: Id(0)] string NodeName,
    [property: Id(1)] HardwareProfile? Profile,
    [property: Id(2)] string Zone,
    [property: Id(3)] NodeHealth Health,
    [property: Id(4)] string HealthReason,
    [property: Id(5)] double GpuUtilization,
    [property: Id(6)] double CpuUtilization,
    [property: Id(7)] double MemoryPressure,
    [property: Id(8)] double TemperatureC,
    [property: Id(9)] double PowerWatts,
    [property: Id(10)] double PowerBudgetWatts,
    [property: Id(11)] TegrastatsSample? LastSample,
    [property: Id(12)] DateTimeOffset? LastReportAt,
    [property: Id(13)] long Reports);
