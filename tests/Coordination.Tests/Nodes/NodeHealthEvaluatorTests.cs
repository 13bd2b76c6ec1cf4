using Coordination.Nodes;
using Coordination.Placement;

namespace Coordination.Tests.Nodes;

public sealed class NodeHealthEvaluatorTests
{
    private static readonly NodeOptions Options = new() { ReportPeriod = TimeSpan.FromSeconds(1), MissedReportsBeforeNotReady = 3, ThermalThresholdC = 85, ThermalHysteresisC = 5 };
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static NodeSignals Signals(double celsius, double watts = 10) => new(0.5, 0.5, 0.5, celsius, "tj", watts);

    [Fact]
    public void HealthFollowsReportsTemperatureAndPower()
    {
        Assert.Equal(NodeHealth.Unknown, NodeHealthEvaluator.Evaluate(NodeHealth.Unknown, null, null, 60, Now, Options).Health);
        Assert.Equal(NodeHealth.Ready, NodeHealthEvaluator.Evaluate(NodeHealth.Unknown, Signals(60), Now, 60, Now, Options).Health);

        var (hot, reason) = NodeHealthEvaluator.Evaluate(NodeHealth.Ready, Signals(85.5), Now, 60, Now, Options);
        Assert.Equal(NodeHealth.Throttled, hot);
        Assert.Equal("tj 85.5 °C above 85 °C", reason);

        // Hysteresis: still throttled at 82 °C, ready again below 80 °C; a ready node at 82 °C stays ready.
        Assert.Equal(NodeHealth.Throttled, NodeHealthEvaluator.Evaluate(NodeHealth.Throttled, Signals(82), Now, 60, Now, Options).Health);
        Assert.Equal(NodeHealth.Ready, NodeHealthEvaluator.Evaluate(NodeHealth.Throttled, Signals(79.9), Now, 60, Now, Options).Health);
        Assert.Equal(NodeHealth.Ready, NodeHealthEvaluator.Evaluate(NodeHealth.Ready, Signals(82), Now, 60, Now, Options).Health);

        var (capped, why) = NodeHealthEvaluator.Evaluate(NodeHealth.Ready, Signals(60, watts: 61), Now, 60, Now, Options);
        Assert.Equal(NodeHealth.Throttled, capped);
        Assert.Contains("over the 60 W budget", why, StringComparison.Ordinal);

        // Silence beyond 3 × 1 s: not ready, whatever the last sample said.
        Assert.Equal(NodeHealth.Ready, NodeHealthEvaluator.Evaluate(NodeHealth.Ready, Signals(60), Now.AddSeconds(-3), 60, Now, Options).Health);
        var (silent, silence) = NodeHealthEvaluator.Evaluate(NodeHealth.Ready, Signals(60), Now.AddSeconds(-3.5), 60, Now, Options);
        Assert.Equal(NodeHealth.NotReady, silent);
        Assert.StartsWith("no report for 3.5 s", silence, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCatalogKnowsEveryModuleOfTheReferenceWithItsTier()
    {
        Assert.Equal(
            ["agx-orin-64gb", "agx-orin-32gb", "orin-nx-16gb", "orin-nx-8gb", "orin-nano-8gb", "orin-nano-4gb", "xavier-nx", "agx-xavier", "nano"],
            HardwareProfileCatalog.All.Select(p => p.Id).ToArray());
        Assert.Equal(NodeTier.HighPerformance, HardwareProfileCatalog.Find("AGX-ORIN-64GB")!.Tier);
        Assert.Equal(NodeTier.Balanced, HardwareProfileCatalog.Find("xavier-nx")!.Tier);
        Assert.Equal(NodeTier.Edge, HardwareProfileCatalog.Find("orin-nano-4gb")!.Tier);
        Assert.Equal((2048, 64, 275.0, 12, 60.0), (HardwareProfileCatalog.Find("agx-orin-64gb")!.CudaCores, HardwareProfileCatalog.Find("agx-orin-64gb")!.TensorCores, HardwareProfileCatalog.Find("agx-orin-64gb")!.Tops, HardwareProfileCatalog.Find("agx-orin-64gb")!.CpuCores, HardwareProfileCatalog.Find("agx-orin-64gb")!.MaxPowerWatts));
        Assert.Null(HardwareProfileCatalog.Find("tx2"));
    }
}
