using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Coordination.Fleet;

/// <summary>Picks a silo of the robot's zone when one is compatible and known; otherwise a random compatible silo.</summary>
public sealed class ZonePlacementDirector(IServiceProvider services, RobotZoneDirectory directory) : IPlacementDirector
{
    private readonly ISiloMetadataCache? _metadata = services.GetService(typeof(ISiloMetadataCache)) as ISiloMetadataCache;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"no compatible silo for {target.GrainIdentity}");
        }

        // A migration (a draining silo, or a twin moving home to its zone) names its target silo: honour it.
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        var robotId = target.GrainIdentity.Key.ToString() ?? string.Empty;
        var zone = ZoneOf(target, robotId);
        if (zone is not null && _metadata is not null)
        {
            directory.Remember(robotId, zone);
            var inZone = silos.Where(s => string.Equals(SiloZone(s), zone, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (inZone.Length > 0)
            {
                var local = inZone.FirstOrDefault(s => s.Equals(context.LocalSilo));
                return Task.FromResult(local ?? inZone[Random.Shared.Next(inZone.Length)]);
            }
        }

        return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
    }

    /// <summary>The zone of a silo from its metadata, or <c>null</c>.</summary>
    public string? SiloZone(SiloAddress silo)
    {
        if (_metadata is null)
        {
            return null;
        }

        var metadata = _metadata.GetSiloMetadata(silo);
        return metadata.Metadata.TryGetValue(ZonePlacement.ZoneMetadataKey, out var zone) && zone.Length > 0 ? zone : null;
    }

    private string? ZoneOf(PlacementTarget target, string robotId)
    {
        if (target.RequestContextData is { } data
            && data.TryGetValue(FleetRequestContext.ZoneKey, out var value) && value is string { Length: > 0 } zone
            && data.TryGetValue(FleetRequestContext.RobotKey, out var robot) && robot is string id && string.Equals(id, robotId, StringComparison.Ordinal))
        {
            return zone;
        }

        return directory.Find(robotId);
    }
}
