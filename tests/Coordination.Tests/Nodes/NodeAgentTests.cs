using Coordination.Placement;
using Coordination.Silo.NodeAgent;
using Coordination.Tests.Fleet;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Nodes;

[Collection(FleetClusterCollection.Name)]
public sealed class NodeAgentTests(FleetClusterFixture fixture)
{
    [Theory]
    [InlineData(new[] { "node-agent", "--profile", "nano" }, "--node: required")]
    [InlineData(new[] { "node-agent", "--node", "n1" }, "--profile: required")]
    [InlineData(new[] { "node-agent", "--node", "n1", "--profile", "nano", "--interval-ms", "fast" }, "--interval-ms: 'fast'")]
    [InlineData(new[] { "node-agent", "--node", "n1", "--profile", "nano", "--colour" }, "--colour: unknown option")]
    [InlineData(new[] { "node-agent", "--node", "n1", "--profile", "nano", "--redis", "r:6379", "--gateway", "h:1" }, "give one way")]
    [InlineData(new[] { "node-agent", "--node", "--profile", "nano" }, "--node: a value is required")]
    public void BadArgumentsNameTheOption(string[] args, string message)
    {
        var e = Assert.Throws<FormatException>(() => NodeAgentArguments.Parse(args));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentsAreRead()
    {
        var a = NodeAgentArguments.Parse(["node-agent", "--node", "jetson-1", "--profile", "orin-nx-16gb", "--interval-ms", "250", "--gateway", "10.0.0.1:30000", "--replay", "lines.txt", "--zone", "dock-a"]);
        Assert.Equal(("jetson-1", "orin-nx-16gb", 250, "lines.txt", "dock-a"), (a.Node, a.Profile, a.IntervalMs, a.Replay, a.Zone));
        Assert.Equal(["10.0.0.1:30000"], a.Gateways);
    }

    [Fact]
    public async Task ReplayReportsEveryReadableLineAndNamesTheBadOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("coordination-agent-");
        try
        {
            var file = Path.Combine(dir.FullName, "tegrastats.log");
            await File.WriteAllLinesAsync(file, [TegrastatsLines.OrinNxTimestamped, string.Empty, "RAM 1/2MB CPU [x]", TegrastatsLines.OrinNxTimestamped], ct);
            var name = TestKeys.New("node");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var runner = new NodeAgentRunner(fixture.Client, stdout, stderr, TimeProvider.System);

            var exit = await runner.RunAsync(NodeAgentArguments.Parse(["--node", name, "--profile", "orin-nx-16gb", "--interval-ms", "10", "--replay", file]), ct);

            Assert.Equal(0, exit);
            Assert.Equal((2, 1), (runner.Accepted, runner.Rejected));
            Assert.Contains($"{file}:3: token 4 '[x]'", stderr.ToString(), StringComparison.Ordinal);
            var status = await fixture.Client.GetGrain<IComputeNodeGrain>(name).GetStatus();
            Assert.Equal(2, status.Reports);
            Assert.Equal(0.61, status.GpuUtilization, 6);
            Assert.Equal(NodeTier.Balanced, status.Profile!.Tier);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnUnknownProfileOrMissingReplayFileIsBadInput()
    {
        var ct = TestContext.Current.CancellationToken;
        var stderr = new StringWriter();
        var runner = new NodeAgentRunner(fixture.Client, TextWriter.Null, stderr, TimeProvider.System);
        Assert.Equal(2, await runner.RunAsync(NodeAgentArguments.Parse(["--node", "n", "--profile", "tx2"]), ct));
        Assert.Contains("unknown profile 'tx2'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await runner.RunAsync(NodeAgentArguments.Parse(["--node", TestKeys.New("node"), "--profile", "nano", "--replay", "/nonexistent/file"]), ct));
        Assert.Contains("--replay: file '/nonexistent/file' not found", stderr.ToString(), StringComparison.Ordinal);
    }
}
