using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Tests.Infrastructure;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Wiring;

/// <summary>A map uploaded to the world model is the one the dispatcher costs on and the twins check poses against.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorldWiringTests(ClusterFixture fixture)
{
    private const string Map = "type octile\nheight 4\nwidth 6\nmap\n......\n.@@@@.\n......\n......\n";

    [Fact]
    public async Task TheDispatcherSeesTheUploadedMap()
    {
        var world = TestKeys.New("world");
        await fixture.Client.GetGrain<IWorldModelGrain>(world).UploadMap(Map, "small.map");
        var silo = fixture.Cluster.Silos[0].SiloAddress;
        var source = fixture.Cluster.GetSiloServiceProvider(silo).GetRequiredService<IWorldMapSource>();
        var map = await source.GetMapAsync(world);
        Assert.Equal(6, map.Grid.Width);
        Assert.Equal(4, map.Grid.Height);
        Assert.False(map.Grid.IsPassable(2, 1));
        Assert.True(map.Grid.IsPassable(0, 1));
        Assert.Same(map.Grid, (await source.GetMapAsync(world)).Grid);
    }

    [Fact]
    public async Task TwinsRejectPosesOutsideTheUploadedMap()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = TestKeys.New("world");
        await fixture.Client.GetGrain<IWorldModelGrain>(world).UploadMap(Map, "small.map");
        var robot = fixture.Client.GetGrain<IRobotGrain>(TestKeys.New("robot"));
        await robot.Register(new RobotRegistration("amr", [], "/r", world, 1, string.Empty));
        var t = DateTimeOffset.UtcNow;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            t = t.AddMilliseconds(10);
            try
            {
                await robot.ReportTelemetry(new RobotTelemetry(40, 1, 0, 0, 0, 50, RobotStatus.Idle, t));
            }
            catch (CoordinationValidationException e)
            {
                Assert.Equal("telemetry.pose", e.Field);
                Assert.Contains("6x4", e.Message, StringComparison.Ordinal);
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "a pose outside the 6x4 map was still accepted");
            await Task.Delay(200, ct);
        }

        var ack = await robot.ReportTelemetry(new RobotTelemetry(5, 3, 0, 0, 0, 50, RobotStatus.Idle, t.AddMilliseconds(10)));
        Assert.NotNull(ack);
    }
}
