using Coordination.Client.Fleet;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;
using static Coordination.Tests.Fleet.FleetTestData;

namespace Coordination.Tests.Fleet;

[Collection(FleetClusterCollection.Name)]
public sealed class FleetQueryTests(FleetClusterFixture fixture)
{
    [Fact]
    public async Task RobotsAreListedByStatusCapabilityAndZoneFromTheIndex()
    {
        var zone = TestKeys.New("zone");
        var lifter = TestKeys.New("robot");
        var camera = TestKeys.New("robot");
        var charging = TestKeys.New("robot");
        await fixture.Client.GetGrain<IRobotGrain>(lifter).Register(Registration(zone: zone, capabilities: "lift"));
        await fixture.Client.GetGrain<IRobotGrain>(camera).Register(Registration(zone: zone, capabilities: "camera"));
        await fixture.Client.GetGrain<IRobotGrain>(charging).Register(Registration(zone: zone, capabilities: ["lift", "camera"]));

        // The robots keep reporting, as real ones do (a silent robot would be listed offline after a few periods).
        await using var lifterAlive = await Heartbeat.StartAsync(fixture.Client.GetGrain<IRobotGrain>(lifter), Sample(1, 1, second: 1));
        await using var cameraAlive = await Heartbeat.StartAsync(fixture.Client.GetGrain<IRobotGrain>(camera), Sample(2, 1, second: 1));
        await using var chargingAlive = await Heartbeat.StartAsync(
            fixture.Client.GetGrain<IRobotGrain>(charging), Sample(1, 1, battery: 20, status: RobotStatus.Charging, second: 1));

        var inZone = await Poll.UntilAsync(
            () => FleetQueries.ListRobotsAsync(fixture.Client, zone: zone),
            rows => rows.Count == 3 && rows.Any(r => r.RobotId == charging && r.Status == RobotStatus.Charging),
            "the index to hold the three robots");
        Assert.Equal(inZone.Select(r => r.RobotId).Order(StringComparer.Ordinal), inZone.Select(r => r.RobotId));

        var lifters = await FleetQueries.ListRobotsAsync(fixture.Client, capability: "LIFT", zone: zone);
        Assert.Equal(new[] { lifter, charging }.Order(StringComparer.Ordinal), lifters.Select(r => r.RobotId));
        var idle = await FleetQueries.ListRobotsAsync(fixture.Client, status: "idle", zone: zone);
        Assert.Equal(new[] { lifter, camera }.Order(StringComparer.Ordinal), idle.Select(r => r.RobotId));
        Assert.Equal([charging], (await FleetQueries.ListRobotsAsync(fixture.Client, status: "charging", zone: zone)).Select(r => r.RobotId));

        var e = await Assert.ThrowsAsync<FormatException>(() => FleetQueries.ListRobotsAsync(fixture.Client, status: "sleeping"));
        Assert.Contains("'sleeping'", e.Message, StringComparison.Ordinal);
        Assert.Contains("uninitialized", e.Message, StringComparison.Ordinal);
    }
}
