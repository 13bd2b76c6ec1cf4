using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Nodes;

/// <summary>Services and options of the compute-node twins (options bind to configuration section <c>Coordination:Nodes</c>).</summary>
public static class NodesServiceCollectionExtensions
{
    public static IServiceCollection AddNodesServices(this IServiceCollection services)
    {
        services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>());
        services.TryAddSingleton<INodePublisher, GrainNodePublisher>();
        return services;
    }
}
