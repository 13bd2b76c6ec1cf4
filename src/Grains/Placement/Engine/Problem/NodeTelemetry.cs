namespace Coordination.Placement.Engine;

/// <summary>Live readings of a node; every field is optional (unknown readings score neutrally).</summary>
/// <param name="GpuUtilization">GPU utilisation, 0..1.</param>
/// <param name="TemperatureC">Hottest reported temperature in degrees Celsius; checked against <see cref="PlacementWorkload.MaxTemperatureC"/>.</param>
/// <param name="PowerWatts">Current power draw.</param>
/// <param name="PowerBudgetWatts">Power budget of the active power mode.</param>
public sealed record NodeTelemetry(
    double? GpuUtilization = null,
    double? TemperatureC = null,
    double? PowerWatts = null,
    double? PowerBudgetWatts = null);
