using System.Diagnostics;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Coordination.Tests.Hosting;

[Collection(ClusterCollection.Name)]
public sealed class TracingTests(ClusterFixture fixture)
{
    private static readonly ActivitySource TestSource = new("Coordination.Tests");

    [Fact]
    public async Task AClientCallToAGrainThatCallsAnotherGrainIsOneTrace()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Coordination.Tests", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
            .AddInMemoryExporter(spans)
            .Build();

        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("register-robot"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            await fixture.Client.GetGrain<IRobotGrain>(TestKeys.New("robot"))
                .Register(new RobotRegistration("amr-500", [], "/amr", "warehouse", 1.0, string.Empty));
        }

        provider.ForceFlush();
        List<Activity> ours;
        lock (spans)
        {
            ours = spans.Where(s => s.TraceId == traceId).ToList();
        }

        // The robot twin's Register and the fleet index's Upsert it calls are spans of the one trace.
        Assert.Contains(ours, s => s.DisplayName.Contains("IRobotGrain", StringComparison.Ordinal) && s.DisplayName.Contains("Register", StringComparison.Ordinal));
        Assert.Contains(ours, s => s.DisplayName.Contains("IFleetIndexGrain", StringComparison.Ordinal) && s.DisplayName.Contains("Upsert", StringComparison.Ordinal));
        Assert.All(ours.Where(s => s.DisplayName.Contains("Upsert", StringComparison.Ordinal)), s => Assert.NotEqual(default, s.ParentSpanId));
    }
}
