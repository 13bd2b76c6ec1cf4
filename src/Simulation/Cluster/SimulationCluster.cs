using Coordination.Hosting;
using Coordination.Silo.Hosting;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Coordination.Simulation.Cluster;

/// <summary>
/// The simulation's multi-silo cluster in this process (Orleans TestingHost) with every Coordination grain;
/// with a Redis endpoint, membership (silos and client) and grain state live in that Redis, so a killed silo
/// loses nothing.
/// </summary>
public sealed class SimulationCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private SimulationCluster(InProcessTestCluster cluster, string? redis)
    {
        _cluster = cluster;
        Redis = redis;
    }

    public IClusterClient Client => _cluster.Client;

    public string? Redis { get; }

    public int ActiveSilos => _cluster.Silos.Count;

    public static async Task<SimulationCluster> StartAsync(
        int silos,
        string? redis,
        Action<IServiceCollection>? configureSiloServices = null,
        CancellationToken cancellationToken = default)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ClusterId = $"sim-{Guid.NewGuid():N}"[..16];
        // A run of its own: a Redis that served earlier runs holds their missions under their service ids.
        builder.Options.ServiceId = $"coordination-sim-{Guid.NewGuid():N}"[..25];
        builder.Options.ConfigureFileLogging = false;
        ConfigurationOptions? redisOptions = null;
        if (redis is not null)
        {
            redisOptions = ConfigurationOptions.Parse(redis);
            redisOptions.AbortOnConnectFail = false;
            DisableTestClusterMembership(builder.Options);
        }

        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(redisOptions is null ? StorageKind.Memory : StorageKind.Redis, redisOptions);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            if (redisOptions is not null)
            {
                silo.UseRedisClustering(o => o.ConfigurationOptions = redisOptions.Clone());
            }

            if (configureSiloServices is not null)
            {
                configureSiloServices(silo.Services);
            }
        });
        builder.ConfigureClient(client =>
        {
            if (redisOptions is not null)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = redisOptions.Clone());
            }
        });

        var cluster = builder.Build();
        await cluster.DeployAsync(cancellationToken);
        return new SimulationCluster(cluster, redis);
    }

    /// <summary>Kills silo <paramref name="index"/> abruptly (no graceful stop); false if there is no such silo.</summary>
    public async Task<bool> KillSiloAsync(int index, CancellationToken cancellationToken = default)
    {
        var silos = _cluster.Silos;
        if (silos.Count <= 1)
        {
            return false;
        }

        var victim = silos[Math.Clamp(index, 1, silos.Count - 1)];
        await _cluster.KillSiloAsync(victim, cancellationToken);
        return true;
    }

    /// <summary>Starts a fresh silo (like a restarted pod) and waits for membership to settle.</summary>
    public async Task AddSiloAsync() => await _cluster.StartAdditionalSiloAsync();

    /// <summary>
    /// The in-process cluster uses its own in-memory membership unless told otherwise, and Orleans 10.4 keeps
    /// that switch internal; Redis membership needs it off. Fails clearly if a later Orleans renames it.
    /// </summary>
    private static void DisableTestClusterMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("this Orleans version has no InProcessTestClusterOptions.UseTestClusterMembership: Redis membership for the simulation needs updating");
        property.SetValue(options, false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cluster.StopAllSilosAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // A run that ends must end even if a silo is stuck stopping.
        }

        await _cluster.DisposeAsync();
    }
}
