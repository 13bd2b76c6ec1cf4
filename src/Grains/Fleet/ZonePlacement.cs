namespace Coordination.Fleet;

/// <summary>
/// Placement strategy of robot twins: prefer a compatible silo whose metadata zone (<see cref="ZoneMetadataKey"/>)
/// equals the robot's zone, taken from the activating call's request context (<see cref="FleetRequestContext.ZoneKey"/>)
/// or from the silo's zone directory; otherwise any compatible silo (random, like Orleans' default spreading).
/// </summary>
[GenerateSerializer]
[Alias("Coordination.ZonePlacement")]
public sealed class ZonePlacement : PlacementStrategy
{
    /// <summary>Silo metadata key that carries the silo's zone (the host sets it through <c>UseSiloMetadata</c>).</summary>
    public const string ZoneMetadataKey = "coordination.zone";

    internal static readonly ZonePlacement Instance = new();
}
