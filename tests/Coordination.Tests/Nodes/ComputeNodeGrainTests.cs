using Coordination.Client.Fleet;
using Coordination.Common;
using Coordination.Placement;
using Coordination.Tests.Fleet;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Nodes;

[Collection(FleetClusterCollection.Name)]
public sealed class ComputeNodeGrainTests(FleetClusterFixture fixture)
{
    private IComputeNodeGrain Node(string name) => fixture.Client.GetGrain<IComputeNodeGrain>(name);

    private static ComputeNodeRegistration Registration(string profile = "agx-orin-64gb", string zone = "dock-a") =>
        new(profile, zone, new Dictionary<string, string> { ["kubernetes.io/hostname"] = "x" });

    [Fact]
    public async Task UnknownProfilesAndUnreadableLinesAreRejectedWithTheirName()
    {
        var name = TestKeys.New("node");
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Node(name).Register(Registration(profile: "tx2")));
        Assert.Equal("registration.profileId", e.Field);
        Assert.Contains("agx-orin-64gb", e.Message, StringComparison.Ordinal);

        var unregistered = await Assert.ThrowsAsync<CoordinationValidationException>(() => Node(name).ReportTegrastats(TegrastatsLines.AgxOrin));
        Assert.Equal("node", unregistered.Field);

        await Node(name).Register(Registration());
        var bad = await Assert.ThrowsAsync<CoordinationValidationException>(() => Node(name).ReportTegrastats("RAM 1/10MB GR3D_FREQ lots"));
        Assert.Equal("tegrastats", bad.Field);
        Assert.Contains("token 4 'lots'", bad.Message, StringComparison.Ordinal);
        Assert.Equal(NodeHealth.Unknown, (await Node(name).GetStatus()).Health);
    }

    [Fact]
    public async Task HealthGoesReadyThrottledReadyNotReadyAndBackAndPlacementHearsEveryChange()
    {
        var name = TestKeys.New("node");
        var registered = await Node(name).Register(Registration());
        Assert.Equal(NodeHealth.Unknown, registered.Health);
        Assert.Equal(NodeTier.HighPerformance, registered.Profile!.Tier);

        var ready = await Node(name).ReportTegrastats(TegrastatsLines.AgxOrin);
        Assert.Equal(NodeHealth.Ready, ready.Health);
        Assert.Equal(0.12, ready.GpuUtilization, 6);
        Assert.Equal(53.1, ready.TemperatureC);
        Assert.Equal(5.5, ready.PowerWatts, 6);
        Assert.Equal(60, ready.PowerBudgetWatts);

        var hot = await Node(name).ReportTegrastats(TegrastatsLines.Hot(91.5));
        Assert.Equal(NodeHealth.Throttled, hot.Health);
        Assert.Equal("tj 91.5 °C above 85 °C", hot.HealthReason);
        Assert.Equal(NodeHealth.Throttled, (await Node(name).ReportTegrastats(TegrastatsLines.Hot(82))).Health);
        Assert.Equal(NodeHealth.Ready, (await Node(name).ReportTegrastats(TegrastatsLines.AgxOrin)).Health);

        var silent = await Poll.UntilAsync(() => Node(name).GetStatus(), s => s.Health == NodeHealth.NotReady, "the silent node to be not-ready");
        Assert.StartsWith("no report for", silent.HealthReason, StringComparison.Ordinal);
        Assert.Equal(NodeHealth.Ready, (await Node(name).ReportTegrastats(TegrastatsLines.AgxOrin)).Health);

        var snapshots = fixture.Recorder.SnapshotsOf(name);
        var transitions = snapshots.Select(s => s.Health).Where((h, i) => i == 0 || h != snapshots[i - 1].Health).ToArray();
        Assert.Equal([NodeHealth.Unknown, NodeHealth.Ready, NodeHealth.Throttled, NodeHealth.Ready, NodeHealth.NotReady, NodeHealth.Ready], transitions);
        var last = snapshots[^1];
        Assert.Equal(("agx-orin-64gb", NodeTier.HighPerformance, 62817L, 20642L, 4), (last.ProfileId, last.Tier, last.MemoryTotalMiB, last.MemoryUsedMiB, last.CpuCores));
        Assert.Equal("dock-a", last.Labels["zone"]);
    }

    [Fact]
    public async Task NodesAreListedByHealthTierAndZoneFromTheIndex()
    {
        var zone = TestKeys.New("zone");
        var orin = TestKeys.New("orin");
        var nano = TestKeys.New("nano");
        var hot = TestKeys.New("hot");
        await Node(orin).Register(Registration("agx-orin-64gb", zone));
        await Node(nano).Register(Registration("nano", zone));
        await Node(hot).Register(Registration("orin-nx-16gb", zone));
        await Node(orin).ReportTegrastats(TegrastatsLines.AgxOrin);
        await Node(nano).ReportTegrastats(TegrastatsLines.Nano);
        await Node(hot).ReportTegrastats(TegrastatsLines.Hot(95));

        await Poll.UntilAsync(
            () => FleetQueries.ListNodesAsync(fixture.Client, zone: zone),
            rows => rows.Count == 3 && rows.All(r => r.Health != NodeHealth.Unknown),
            "the index to hold the three reporting nodes");
        Assert.Equal([nano], (await FleetQueries.ListNodesAsync(fixture.Client, tier: "edge", zone: zone)).Select(n => n.NodeName));
        Assert.Equal([hot], (await FleetQueries.ListNodesAsync(fixture.Client, health: "throttled", zone: zone)).Select(n => n.NodeName));
        Assert.Equal([orin], (await FleetQueries.ListNodesAsync(fixture.Client, profile: "agx-orin-64gb", zone: zone)).Select(n => n.NodeName));
        var e = await Assert.ThrowsAsync<FormatException>(() => FleetQueries.ListNodesAsync(fixture.Client, tier: "huge"));
        Assert.Contains("high-performance", e.Message, StringComparison.Ordinal);
    }
}
