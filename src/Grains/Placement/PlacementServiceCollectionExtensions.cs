using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Coordination.Placement;

/// <summary>Services and options of the Placement grains (options bind to configuration section <c>Coordination:Placement</c>).</summary>
public static class PlacementServiceCollectionExtensions
{
    public static IServiceCollection AddPlacementServices(this IServiceCollection services)
    {
        services.AddOptions<PlacementControllerOptions>().BindConfiguration(PlacementControllerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlacementControllerOptions>, PlacementControllerOptionsValidator>());

        // No cluster to drive by default: an empty in-memory one. The Silo wires Kubernetes on scheduler silos.
        services.TryAddSingleton<IClusterActuator>(sp => new InMemoryClusterActuator(sp.GetRequiredService<TimeProvider>()));
        if (!services.Any(d => d.ServiceType == typeof(PlacementFilterMarker)))
        {
            services.AddSingleton<PlacementFilterMarker>();
            services.AddPlacementFilter<SchedulerSiloPlacementFilterStrategy, SchedulerSiloPlacementFilterDirector>(ServiceLifetime.Singleton);
        }

        return services;
    }
}
