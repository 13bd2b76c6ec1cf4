namespace Coordination.Nodes;

/// <summary>
/// Settings of the compute-node twins (configuration section <c>Coordination:Nodes</c>, environment variables
/// <c>Coordination__Nodes__Name</c>). Checked at silo start by <see cref="NodeOptionsValidator"/>.
/// </summary>
public sealed class NodeOptions
{
    public const string SectionName = "Coordination:Nodes";

    public const string ReportPeriodVariable = "Coordination__Nodes__ReportPeriod";
    public const string ThermalThresholdCVariable = "Coordination__Nodes__ThermalThresholdC";

    /// <summary>How often a node agent is expected to report.</summary>
    public TimeSpan ReportPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed reports after which the node is <c>not-ready</c>.</summary>
    public int MissedReportsBeforeNotReady { get; set; } = 3;

    /// <summary>Above this temperature (°C, the hottest relevant sensor) the node is <c>throttled</c>.</summary>
    public double ThermalThresholdC { get; set; } = 85;

    /// <summary>A throttled node is ready again only below <see cref="ThermalThresholdC"/> minus this (°C).</summary>
    public double ThermalHysteresisC { get; set; } = 5;

    /// <summary>A node drawing more than its power budget times this factor is <c>throttled</c> (power-capped).</summary>
    public double PowerCapFactor { get; set; } = 1.0;

    /// <summary>Between health changes, the placement grain hears from a node at most this often.</summary>
    public TimeSpan PlacementUpdateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The placement grain's key.</summary>
    public string PlacementKey { get; set; } = "default";

    /// <summary>Silence after which the node is not-ready.</summary>
    public TimeSpan NotReadyAfter => ReportPeriod * MissedReportsBeforeNotReady;
}
