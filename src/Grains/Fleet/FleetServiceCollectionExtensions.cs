using Coordination.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Fleet;

/// <summary>
/// Services and options of the Fleet grains (options bind to configuration section <c>Coordination:Fleet</c>) and
/// of the compute-node twins (<c>Coordination:Nodes</c>).
/// </summary>
public static class FleetServiceCollectionExtensions
{
    public static IServiceCollection AddFleetServices(this IServiceCollection services)
    {
        services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FleetOptions>, FleetOptionsValidator>());
        services.TryAddSingleton<WorldBoundsCatalog>();
        services.TryAddSingleton<IWorldBounds, WorldModelBounds>();
        services.TryAddSingleton<GrainFleetPublisher>();
        services.TryAddSingleton<IFleetPublisher>(sp => sp.GetRequiredService<GrainFleetPublisher>());
        services.TryAddSingleton<RobotZoneDirectory>();
        if (!services.Any(d => d.ServiceType == typeof(FleetServicesMarker)))
        {
            services.AddSingleton<FleetServicesMarker>();
            services.AddPlacementDirector<ZonePlacement, ZonePlacementDirector>();
        }

        services.AddNodesServices();
        return services;
    }
}
