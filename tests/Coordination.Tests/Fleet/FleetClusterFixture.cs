using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Coordination.Tests.Fleet;

/// <summary>
/// A 2-silo cluster for fleet and node tests: silo zones <c>zone-a</c> (primary) and <c>zone-b</c>, short fleet and
/// node periods, a write-counting in-memory store, and <see cref="FleetRecorder"/> in place of the publishers.
/// World <see cref="BoundedWorld"/> is 10×10 cells on every silo.
/// </summary>
public sealed class FleetClusterFixture : IAsyncLifetime
{
    public const string BoundedWorld = "bounded-10x10";
    public static readonly TimeSpan TelemetryPeriod = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(400);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public FleetRecorder Recorder { get; } = new();

    /// <summary>The first silo (<c>Silo_0</c>) is in zone-a, the others in zone-b.</summary>
    public static string ZoneOf(string siloName) =>
        siloName.EndsWith("_0", StringComparison.Ordinal) || siloName.Contains("Primary", StringComparison.OrdinalIgnoreCase) ? "zone-a" : "zone-b";

    public static void ConfigureShortPeriods(IServiceCollection services)
    {
        services.Configure<FleetOptions>(o =>
        {
            o.ExpectedTelemetryPeriod = TelemetryPeriod;

            // 2 s of silence: short enough for offline tests, long enough that a test robot which registers and
            // is given work straight away is never counted offline by a stall of a loaded machine in between.
            o.MissedHeartbeatsBeforeOffline = 10;
            o.CheckpointInterval = CheckpointInterval;
            o.CommandObserverLease = TimeSpan.FromSeconds(3);
            o.IndexFlushInterval = TimeSpan.FromMilliseconds(100);
            o.IndexCheckpointInterval = TimeSpan.FromMilliseconds(500);
            o.WorldPositionInterval = TimeSpan.FromMilliseconds(100);
        });
        services.Configure<NodeOptions>(o =>
        {
            o.ReportPeriod = TimeSpan.FromMilliseconds(200);
            o.MissedReportsBeforeNotReady = 3;
            o.ThermalThresholdC = 85;
            o.ThermalHysteresisC = 5;
            o.PlacementUpdateInterval = TimeSpan.FromMilliseconds(100);
        });
    }

    public CountingGrainStorage StorageOf(InProcessSiloHandle silo) =>
        (CountingGrainStorage)silo.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(CoordinationStorage.Name);

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.Services.AddKeyedSingleton<IGrainStorage>(CoordinationStorage.Name, (sp, _) => new CountingGrainStorage(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
            silo.UseSiloMetadata(new Dictionary<string, string> { [ZonePlacement.ZoneMetadataKey] = ZoneOf(options.SiloName) });
            ConfigureShortPeriods(silo.Services);
            silo.Services.AddSingleton<IFleetPublisher>(Recorder);
            silo.Services.AddSingleton<INodePublisher>(Recorder);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Recorder.Grains = () => Cluster.Client;
        foreach (var silo in Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<WorldBoundsCatalog>().Register(BoundedWorld, 10, 10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
