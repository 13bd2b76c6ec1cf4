using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Coordination.Placement;

/// <summary>Keeps the silos with the <c>scheduler</c> role, or all of them when none has it (or silo metadata is off).</summary>
public sealed class SchedulerSiloPlacementFilterDirector(IServiceProvider services) : IPlacementFilterDirector
{
    private readonly ISiloMetadataCache? _metadata = services.GetService<ISiloMetadataCache>();

    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos.ToList();
        if (_metadata is null)
        {
            return candidates;
        }

        var schedulers = candidates.Where(IsScheduler).ToList();
        return schedulers.Count > 0 ? schedulers : candidates;
    }

    /// <summary>Whether a silo has the scheduler role in its metadata.</summary>
    public bool IsScheduler(SiloAddress silo)
    {
        if (_metadata is null)
        {
            return false;
        }

        var metadata = _metadata.GetSiloMetadata(silo);
        return metadata.Metadata.TryGetValue(SchedulerSiloPlacementFilterStrategy.RolesMetadataKey, out var roles)
            && roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Contains(SchedulerSiloPlacementFilterStrategy.SchedulerRole, StringComparer.OrdinalIgnoreCase);
    }
}
