using Coordination.Hosting;
using Coordination.Planning;
using Coordination.Silo.Hosting;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Coordination.Tests.World;

/// <summary>
/// A 2-silo cluster for world and planner tests: a steered wall clock, paths recorded instead of sent to twins,
/// small regions (8 cells) so that small maps have several, and fast sweeps and debounces.
/// </summary>
public sealed class WorldClusterFixture : IAsyncLifetime
{
    public const int RegionSize = 8;

    public SteeredClock Clock { get; } = new();

    public RecordingPathDelivery Deliveries { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IRobotPathDelivery>(Deliveries);
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
            silo.Services.Configure<WorldOptions>(o =>
            {
                o.RegionSize = RegionSize;
                o.SweepInterval = TimeSpan.FromMilliseconds(50);
            });
            silo.Services.Configure<PlanningOptions>(o =>
            {
                o.Debounce = TimeSpan.FromMilliseconds(50);
                o.SolveDeadline = TimeSpan.FromMilliseconds(200);
                o.RetryDelay = TimeSpan.FromMilliseconds(200);
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
