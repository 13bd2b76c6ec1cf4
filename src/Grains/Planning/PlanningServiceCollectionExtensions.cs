using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Planning;

/// <summary>Services and options of the planner grains (options bind to configuration section <c>Coordination:Planning</c>).</summary>
public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanningServices(this IServiceCollection services)
    {
        services.AddOptions<PlanningOptions>().BindConfiguration(PlanningOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanningOptions>, PlanningOptionsValidator>());
        services.TryAddSingleton<IRobotPathDelivery, RobotTwinPathDelivery>();
        return services;
    }
}
