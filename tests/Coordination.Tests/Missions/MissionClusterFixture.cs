using Coordination.Common;
using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Missions;
using Coordination.Planning.Mapf.Grid;
using Coordination.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Coordination.Tests.Missions;

/// <summary>
/// A 2-silo cluster with in-memory state, real robot twins and short mission, dispatch and fleet periods.
/// World <see cref="WalledWorld"/> is a 12x8 map with a wall (column 6 blocked in rows 0-6) and a charger at (0,7).
/// </summary>
public sealed class MissionClusterFixture : IAsyncLifetime
{
    public const string WalledWorld = "walled-12x8";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public static WorldMap Walled()
    {
        var passable = new bool[12 * 8];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 12; x++)
            {
                passable[(y * 12) + x] = !(x == 6 && y < 7);
            }
        }

        return new WorldMap(new GridMap(12, 8, passable, WalledWorld), [new GridCell(0, 7)]);
    }

    public static void ConfigureShortPeriods(IServiceCollection services)
    {
        services.Configure<MissionsOptions>(o =>
        {
            o.RoundDelay = TimeSpan.FromMilliseconds(20);
            o.ReconcileInterval = TimeSpan.FromMilliseconds(750);
            o.WorldReconcileInterval = TimeSpan.FromSeconds(2);
            o.NoCapableRobotGrace = TimeSpan.FromSeconds(1);
        });
        services.Configure<FleetOptions>(o =>
        {
            o.ExpectedTelemetryPeriod = TimeSpan.FromMilliseconds(400);
            o.MissedHeartbeatsBeforeOffline = 3;
            o.CheckpointInterval = TimeSpan.FromMilliseconds(500);
            o.CommandObserverLease = TimeSpan.FromSeconds(5);
            o.IndexFlushInterval = TimeSpan.FromMilliseconds(100);
            o.WorldPositionInterval = TimeSpan.FromMilliseconds(100);
        });
    }

    public static void RegisterMaps(InProcessTestCluster cluster)
    {
        foreach (var silo in cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<ConfiguredWorldMapSource>().Register(WalledWorld, Walled());
        }
    }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
            ConfigureShortPeriods(silo.Services);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        RegisterMaps(Cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
