using Coordination.Placement;
using Coordination.Silo.Hosting;
using Coordination.Silo.Migration;
using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Silo.Kubernetes;

/// <summary>Kubernetes actuation of the placement grain (configuration section <c>Coordination:Kubernetes</c>).</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="KubernetesOptions"/>; registers live migration of robot and mission activations off a stopping
    /// silo (SIGTERM in a pod); and, with <c>Coordination:Kubernetes:Actuator</c> true (only on silos with the
    /// <c>scheduler</c> role), the KubernetesClient actuator as the placement grain's <see cref="IClusterActuator"/>
    /// and the pod/node watcher. Throws <see cref="CoordinationConfigurationException"/> for bad settings.
    /// </summary>
    public static IServiceCollection AddCoordinationKubernetes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KubernetesOptions>().BindConfiguration(KubernetesOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidator>());
        services.AddCoordinationMigration();

        var settings = new KubernetesOptions();
        try
        {
            configuration.GetSection(KubernetesOptions.SectionName).Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            throw new CoordinationConfigurationException([$"{KubernetesOptions.SectionName}: {e.Message}"]);
        }

        if (!settings.Actuator)
        {
            return services;
        }

        var problems = new List<string>();
        var roles = (configuration[$"{CoordinationOptions.SectionName}:{nameof(CoordinationOptions.Roles)}"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!roles.Contains(SchedulerSiloPlacementFilterStrategy.SchedulerRole, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{KubernetesOptions.SectionName}:{nameof(KubernetesOptions.Actuator)}: the actuator runs only on scheduler silos; set {CoordinationOptions.SectionName}:{nameof(CoordinationOptions.Roles)} to include '{SchedulerSiloPlacementFilterStrategy.SchedulerRole}'");
        }

        var failures = new KubernetesOptionsValidator().Validate(null, settings);
        if (failures.Failed)
        {
            problems.AddRange(failures.Failures);
        }

        if (settings.ApiServer.Length == 0 && !KubernetesClientConfiguration.IsInCluster() && !File.Exists(KubeConfigPath()))
        {
            problems.Add($"{KubernetesOptions.SectionName}:{nameof(KubernetesOptions.ApiServer)}: not in a pod and no kubeconfig at {KubeConfigPath()}: set the API server URL");
        }

        if (problems.Count > 0)
        {
            throw new CoordinationConfigurationException(problems);
        }

        services.TryAddSingleton<IKubernetes>(sp => CreateClient(sp.GetRequiredService<IOptions<KubernetesOptions>>().Value));
        services.TryAddSingleton<KubernetesActuator>();
        services.Replace(ServiceDescriptor.Singleton<IClusterActuator>(sp => sp.GetRequiredService<KubernetesActuator>()));
        services.AddHostedService<KubernetesSchedulerWatcher>();
        return services;
    }

    /// <summary>A client for the configured API server, the in-cluster service account, or the kubeconfig.</summary>
    public static IKubernetes CreateClient(KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.ApiServer.Length > 0
            ? new KubernetesClientConfiguration { Host = options.ApiServer }
            : KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        return new k8s.Kubernetes(config);
    }

    private static string KubeConfigPath() =>
        Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
}
