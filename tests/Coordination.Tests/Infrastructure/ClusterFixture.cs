using Coordination.Hosting;
using Coordination.Silo.Hosting;
using Orleans.TestingHost;

namespace Coordination.Tests.Infrastructure;

/// <summary>A shared in-process 2-silo cluster with every Coordination grain and in-memory state.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
            silo.AddActivityPropagation();
        });
        builder.ConfigureClient(client => client.AddActivityPropagation());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
