using Coordination.Client;
using Coordination.Client.Connection;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Hosting;

/// <summary>The built Silo program, started as real processes.</summary>
public sealed class SiloProcessTests
{
    private static RobotRegistration Registration(string zone = "dock-a") =>
        new("amr-500", ["lift", "camera"], "/amr", "warehouse", 1.5, zone);

    [Fact]
    public async Task EmbeddedDefaultsAnswerTheProbesAndServeGrains()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = SiloProcess.Start();
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(60), ct);

        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.HttpBase, "/health/live"), ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.HttpBase, "/health/startup"), ct)).StatusCode);

        await using var client = await CoordinationClient.ConnectAsync(new CoordinationClientOptions { LocalGatewayPort = silo.GatewayPort }, cancellationToken: ct);
        var id = TestKeys.New("robot");
        var summary = await client.Cluster.GetGrain<IRobotGrain>(id).Register(Registration());
        Assert.Equal(id, summary.RobotId);

        var hosts = await client.Cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(true, ct);
        Assert.Single(hosts);

        var metrics = await http.GetStringAsync(new Uri(silo.HttpBase, "/metrics"), ct);
        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConfigurationStopsStartUpWithOneMessageNamingTheSetting()
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { ["Clustering"] = "Etcd" });
        var exit = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        var lines = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("Coordination:Clustering: unknown value 'Etcd'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRedisClusteredSilosSurviveTheKillOfOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var clusterId = TestKeys.New("cluster");
        var settings = new Dictionary<string, string>
        {
            ["Clustering"] = "Redis",
            ["Storage"] = "Redis",
            ["Redis"] = redis.ConnectionString,
            ["ClusterId"] = clusterId,
            ["AdvertisedAddress"] = "127.0.0.1",
            ["ProbeTimeout"] = "00:00:01",
            ["MissedProbesLimit"] = "2",
        };
        await using var first = SiloProcess.Start(settings);
        await using var second = SiloProcess.Start(settings);
        await Task.WhenAll(first.WaitReadyAsync(TimeSpan.FromSeconds(90), ct), second.WaitReadyAsync(TimeSpan.FromSeconds(90), ct));

        var viaRedis = new CoordinationClientOptions { Redis = redis.ConnectionString, ClusterId = clusterId };
        await using var client = await CoordinationClient.ConnectAsync(viaRedis, cancellationToken: ct);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await client.Cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(true, ct)).Length < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the two silos never formed one cluster");
            await Task.Delay(200, ct);
        }

        // Each silo's gateway reaches the same grains.
        var ids = Enumerable.Range(0, 8).Select(_ => TestKeys.New("robot")).ToArray();
        foreach (var id in ids)
        {
            await client.Cluster.GetGrain<IRobotGrain>(id).Register(Registration());
        }

        foreach (var silo in new[] { first, second })
        {
            var direct = new CoordinationClientOptions { Gateways = [new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, silo.GatewayPort)], ClusterId = clusterId };
            await using var viaGateway = await CoordinationClient.ConnectAsync(direct, cancellationToken: ct);
            Assert.Equal("amr-500", (await viaGateway.Cluster.GetGrain<IRobotGrain>(ids[0]).GetSummary())!.Model);
        }

        first.Kill();

        // Within the membership timeout (2 missed 1 s probes plus the vote), every robot answers again
        // through the surviving silo, with the state written before the kill.
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        foreach (var id in ids)
        {
            while (true)
            {
                try
                {
                    using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var summary = await client.Cluster.GetGrain<IRobotGrain>(id).GetSummary().WaitAsync(TimeSpan.FromSeconds(5), ct);
                    Assert.NotNull(summary);
                    Assert.Equal(["lift", "camera"], summary.Capabilities);
                    break;
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(250, ct);
                }
            }
        }

        Assert.False(second.HasExited);
    }
}
