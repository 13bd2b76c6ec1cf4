using Coordination.Cli.Commands.Cluster;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Cli;

[Collection(ClusterCollection.Name)]
public sealed class StatusCommandTests(ClusterFixture fixture)
{
    [Fact]
    public async Task StatusListsEverySiloWithItsActivations()
    {
        var rows = await ClusterStatus.ReadAsync(fixture.Client);
        var active = rows.Where(r => r.Status == "Active").ToList();
        Assert.Equal(fixture.Cluster.Silos.Count, active.Count);
        Assert.All(active, r => Assert.NotNull(r.Activations));
        Assert.Equal(
            fixture.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal),
            active.Select(r => r.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StatusAgainstNoClusterExitsFourWithOneLine()
    {
        var port = FreePort.Next();
        var exit = await Coordination.Cli.Commands.CommandTree.RunAsync(["status", "--gateway", $"127.0.0.1:{port}", "--connect-timeout", "1"], TestContext.Current.CancellationToken);
        Assert.Equal(4, exit);
    }

    [Fact]
    public async Task ABadGatewayExitsTwo()
    {
        var exit = await Coordination.Cli.Commands.CommandTree.RunAsync(["status", "--gateway", "nowhere"], TestContext.Current.CancellationToken);
        Assert.Equal(2, exit);
    }
}
