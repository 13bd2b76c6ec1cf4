using Coordination.Client;
using Coordination.Client.Connection;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Client;

public sealed class ClientConnectionTests
{
    [Fact]
    public async Task NoSiloGivesAClearErrorAfterRetrying()
    {
        var port = FreePort.Next();
        var options = new CoordinationClientOptions { LocalGatewayPort = port, ConnectTimeout = TimeSpan.FromSeconds(2) };
        var e = await Assert.ThrowsAsync<ClusterUnreachableException>(
            () => CoordinationClient.ConnectAsync(options, cancellationToken: TestContext.Current.CancellationToken));
        Assert.StartsWith($"no silo answered at a local silo at 127.0.0.1:{port} within 2 s", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:30000", "127.0.0.1:30000")]
    [InlineData("[::1]:30001", "[::1]:30001")]
    [InlineData("localhost:30002", "127.0.0.1:30002")]
    public void GatewayEndpointsParse(string text, string expected) =>
        Assert.Equal(expected, CoordinationClientOptions.ParseEndpoint(text).ToString());

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:99999")]
    [InlineData(":30000")]
    public void BadGatewayEndpointsAreRejectedWithTheValue(string text)
    {
        var e = Assert.Throws<FormatException>(() => CoordinationClientOptions.ParseEndpoint(text));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }
}
