using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>Services and options of the Missions grains (options bind to configuration section <c>Coordination:Missions</c>).</summary>
public static class MissionsServiceCollectionExtensions
{
    public static IServiceCollection AddMissionsServices(this IServiceCollection services)
    {
        services.AddOptions<MissionsOptions>().BindConfiguration(MissionsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MissionsOptions>, MissionsOptionsValidator>());
        services.TryAddSingleton<ConfiguredWorldMapSource>();
        services.TryAddSingleton<IWorldMapSource, WorldModelMapSource>();
        services.TryAddSingleton<IRobotCommands, RobotGrainCommands>();
        services.TryAddSingleton<TravelCostCache>();
        services.TryAddSingleton<DispatchPlanner>();
        return services;
    }
}
