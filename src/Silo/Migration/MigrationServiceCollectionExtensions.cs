using Coordination.Fleet;
using Coordination.Missions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coordination.Silo.Migration;

/// <summary>Registers live migration of robot and mission activations (drain on stop, zone homing); idempotent.</summary>
public static class MigrationServiceCollectionExtensions
{
    /// <summary>The grain interfaces migrated by default.</summary>
    public static readonly IReadOnlyList<Type> DefaultGrainInterfaces = [typeof(IRobotGrain), typeof(IMissionGrain)];

    public static IServiceCollection AddCoordinationMigration(this IServiceCollection services, IReadOnlyList<Type>? grainInterfaces = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(LocalActivationTracker)))
        {
            return services;
        }

        services.AddOptions<MigrationOptions>().BindConfiguration(MigrationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MigrationOptions>, MigrationOptionsValidator>());
        var interfaces = grainInterfaces ?? DefaultGrainInterfaces;
        services.AddSingleton(sp => new MigratableGrainTypes(sp.GetRequiredService<IGrainFactory>(), interfaces));
        services.TryAddSingleton<RobotZoneDirectory>();
        services.AddSingleton<LocalActivationTracker>();
        services.AddSingleton<IActivationWorkingSetObserver>(sp => sp.GetRequiredService<LocalActivationTracker>());
        services.AddSingleton<SiloDrainParticipant>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloDrainParticipant>());
        services.AddSingleton<ZoneHomingParticipant>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ZoneHomingParticipant>());
        return services;
    }
}
