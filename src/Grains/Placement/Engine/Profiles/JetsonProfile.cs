namespace Coordination.Placement.Engine;

/// <summary>A Jetson module: its tier and default allocatable resources and power budget.</summary>
/// <param name="Id">Profile id, e.g. <c>agx-orin-64gb</c>.</param>
/// <param name="Tier">Tier of the module.</param>
/// <param name="Allocatable">Default allocatable resources (unified memory minus an OS reserve of 1/8).</param>
/// <param name="MaxPowerWatts">Highest power mode.</param>
public sealed record JetsonProfile(string Id, JetsonTier Tier, Resources Allocatable, double MaxPowerWatts);
