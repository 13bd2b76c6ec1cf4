using Coordination.Hosting;
using Coordination.Silo.Health;
using Coordination.Silo.Migration;
using Coordination.Silo.Storage;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Coordination.Silo.Hosting;

/// <summary>Wires a silo from <see cref="CoordinationOptions"/>: clustering, storage, endpoints, metadata, grains.</summary>
public static class CoordinationSiloBuilderExtensions
{
    /// <summary>Silo metadata keys (Kubernetes node, Jetson profile, zone, roles).</summary>
    public const string NodeMetadataKey = "coordination.node";
    public const string ProfileMetadataKey = "coordination.jetson-profile";
    public const string ZoneMetadataKey = "coordination.zone";
    public const string RolesMetadataKey = "coordination.roles";

    public static ISiloBuilder AddCoordination(this ISiloBuilder silo, CoordinationOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = options.ProbeTimeout;
            o.NumMissedProbesLimit = options.MissedProbesLimit;
        });

        if (options.SiloName is { } name)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
        }

        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                var primary = options.PrimarySiloPort is { } p && p != options.SiloPort
                    ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, p)
                    : null;
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
                break;
            case ClusteringKind.Redis:
                var redis = options.Redis!;
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
                if (options.AdvertisedAddress is { } address)
                {
                    silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, options.ListenOnAnyHostAddress);
                }
                else
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.ListenOnAnyHostAddress);
                }

                break;
        }

        silo.AddCoordinationStorage(options.Storage, options.Redis);
        silo.UseSiloMetadata(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NodeMetadataKey] = options.NodeName,
            [ProfileMetadataKey] = options.JetsonProfile,
            [ZoneMetadataKey] = options.Zone,
            [RolesMetadataKey] = string.Join(',', options.Roles),
        });
        silo.AddActivityPropagation();
        silo.AddCoordinationGrains();
        silo.Services.AddCoordinationMigration();
        silo.Services.AddSingleton<SiloHealth>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloHealth>());
        return silo;
    }

    /// <summary>Binds the product's grain state store to Memory or to Redis (MessagePack).</summary>
    public static ISiloBuilder AddCoordinationStorage(this ISiloBuilder silo, StorageKind kind, StackExchange.Redis.ConfigurationOptions? redis)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (kind == StorageKind.Redis)
        {
            ArgumentNullException.ThrowIfNull(redis);
            silo.AddRedisGrainStorage(CoordinationStorage.Name, o =>
            {
                o.ConfigurationOptions = redis.Clone();
                o.GrainStorageSerializer = new MessagePackGrainStorageSerializer();
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(CoordinationStorage.Name);
        }

        return silo;
    }
}
