using Coordination.Deployment.Tests.Network;
using Coordination.Deployment.Tests.Rendering;

namespace Coordination.Deployment.Tests;

/// <summary>The rendered NetworkPolicies against the listed flows (the checker tests every pair; these name the important ones).</summary>
public sealed class NetworkPolicyTests(RenderedOverlays rendered)
{
    private bool Admits(string overlay, string from, string to, int port, string protocol = "TCP")
    {
        var matrix = FlowMatrix.Of(rendered[overlay]);
        var source = matrix.Endpoints.Single(e => e.ToString() == from);
        var destination = matrix.Endpoints.Single(e => e.ToString() == to);
        return matrix.Evaluator.Admits(source, destination, port, protocol).Admitted;
    }

    [Theory]
    [InlineData("coordination/coordination-silo", "coordination/coordination-scheduler", 11111, "TCP")]
    [InlineData("coordination/coordination-silo-edge", "coordination/coordination-silo", 11111, "TCP")]
    [InlineData("apps/gateway-client", "coordination/coordination-silo", 30000, "TCP")]
    [InlineData("robotics/perception", "coordination/coordination-silo-edge", 30000, "TCP")]
    [InlineData("coordination/coordination-scheduler", "coordination/coordination-redis", 6379, "TCP")]
    [InlineData("coordination/coordination-silo", "coordination/jaeger", 4317, "TCP")]
    [InlineData("coordination/coordination-silo", "coordination/jaeger", 4318, "TCP")]
    [InlineData("coordination/prometheus", "coordination/coordination-scheduler", 8080, "TCP")]
    [InlineData("coordination/coordination-silo", "kube-system/kube-dns", 53, "UDP")]
    [InlineData("coordination/coordination-scheduler", "kube-apiserver", 443, "TCP")]
    public void ListedFlowIsAdmitted(string from, string to, int port, string protocol) =>
        Assert.True(Admits(Overlays.Jetson, from, to, port, protocol));

    [Theory]
    [InlineData("coordination/coordination-redis", "coordination/coordination-silo", 11111, "TCP")]
    [InlineData("apps/gateway-client", "coordination/coordination-silo", 11111, "TCP")]
    [InlineData("apps/gateway-client", "coordination/coordination-silo", 8080, "TCP")]
    [InlineData("apps/gateway-client", "coordination/coordination-redis", 6379, "TCP")]
    [InlineData("apps/unlabelled-pod", "coordination/coordination-silo", 30000, "TCP")]
    [InlineData("coordination/unlabelled-pod-in-coordination", "coordination/coordination-silo", 30000, "TCP")]
    [InlineData("coordination/prometheus", "coordination/coordination-redis", 6379, "TCP")]
    [InlineData("coordination/jaeger", "coordination/coordination-silo", 11111, "TCP")]
    [InlineData("coordination/coordination-silo", "coordination/coordination-silo", 8080, "TCP")]
    [InlineData("coordination/coordination-silo", "coordination/prometheus", 9090, "TCP")]
    [InlineData("coordination/coordination-silo", "internet", 80, "TCP")]
    [InlineData("coordination/coordination-redis", "internet", 443, "TCP")]
    [InlineData("internet", "coordination/coordination-silo", 30000, "TCP")]
    [InlineData("robotics/inference", "coordination/jaeger", 4317, "TCP")]
    public void UnlistedFlowIsDenied(string from, string to, int port, string protocol) =>
        Assert.False(Admits(Overlays.Jetson, from, to, port, protocol));

    [Theory]
    [InlineData(Overlays.Base)]
    [InlineData(Overlays.Dev)]
    [InlineData(Overlays.Jetson)]
    public void AdmittedFlowsAreExactlyTheListedOnes(string overlay)
    {
        var verdicts = FlowMatrix.Of(rendered[overlay]).Evaluate().ToList();

        var wrong = verdicts.Where(v => v.Admitted != (v.Expected is not null)).Select(v => $"{v.Source} -> {v.Destination} {v.Port}/{v.Protocol}: {v.Reason}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Contains(verdicts, v => v.Admitted);
        Assert.Contains(verdicts, v => !v.Admitted);
    }
}
