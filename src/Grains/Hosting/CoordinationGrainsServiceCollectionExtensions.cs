using Microsoft.Extensions.DependencyInjection;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Placement;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Hosting;

/// <summary>Registers what the Coordination grains depend on (ports with their default implementations).</summary>
public static class CoordinationGrainsServiceCollectionExtensions
{
    public static ISiloBuilder AddCoordinationGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCoordinationGrains();
        return builder;
    }

    public static IServiceCollection AddCoordinationGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddFleetServices();
        services.AddMissionsServices();
        services.AddWorldServices();
        services.AddPlacementServices();
        return services;
    }
}
