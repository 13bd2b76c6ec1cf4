using Coordination.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.World;

/// <summary>
/// Services and options of the World grains (options bind to configuration section <c>Coordination:World</c>) and of
/// the planner grains that plan on the worlds (<c>Coordination:Planning</c>).
/// </summary>
public static class WorldServiceCollectionExtensions
{
    public static IServiceCollection AddWorldServices(this IServiceCollection services)
    {
        services.AddOptions<WorldOptions>().BindConfiguration(WorldOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorldOptions>, WorldOptionsValidator>());
        services.AddPlanningServices();
        return services;
    }
}
