namespace Coordination.Placement;

/// <summary>Marks that the placement filter is registered (registration must happen once per container).</summary>
internal sealed class PlacementFilterMarker;
