namespace Coordination.Fleet;

/// <summary>Marks a service collection to which the fleet services were added (they are added once).</summary>
internal sealed class FleetServicesMarker;
