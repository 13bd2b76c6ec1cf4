using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Placement;
using Coordination.Silo.Migration;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Coordination.Tests.Placement;

/// <summary>A 2-silo cluster (zones a and b) with live migration: stopping silo b, then bringing a zone-b silo back.</summary>
public sealed class MigrationTests
{
    private const int Robots = 12;

    private static string ZoneOf(string siloName) => siloName.Contains("Primary", StringComparison.OrdinalIgnoreCase) || siloName.EndsWith("_0", StringComparison.Ordinal) ? "zone-a" : "zone-b";

    [Fact]
    public async Task Stopping_a_silo_live_migrates_its_robot_twins_without_a_failed_call_and_they_go_home_when_their_zone_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = new CountingGrainStorage();
        using var migrations = new MigrationCounter();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.Services.AddKeyedSingleton<IGrainStorage>(CoordinationStorage.Name, storage);
            silo.UseSiloMetadata(new Dictionary<string, string> { [ZonePlacement.ZoneMetadataKey] = ZoneOf(options.SiloName) });
            silo.Services.AddCoordinationMigration();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync(ct);
        var leaving = cluster.Silos.Single(s => ZoneOf(s.Name) == "zone-b");
        await MetadataKnownAsync(cluster, ct);

        // Robot twins of zone b, some of them active on silo b (placement spreads them; register until enough are there).
        var ids = new List<string>();
        var onLeaving = new List<string>();
        while (onLeaving.Count < Robots / 2 && ids.Count < 400)
        {
            var id = TestKeys.New("robot");
            var robot = cluster.Client.GetGrain<IRobotGrain>(id);
            await robot.Register(new RobotRegistration("amr-500", ["lift"], "/amr", "warehouse", 1.5, "zone-b"));
            ids.Add(id);
            if ((await robot.GetState()).HostSilo == leaving.SiloAddress.ToParsableString())
            {
                onLeaving.Add(id);
            }
        }

        Assert.Equal(Robots / 2, onLeaving.Count);

        // Robots keep calling while the silo stops gracefully, and after.
        var failures = new ConcurrentQueue<string>();
        var calls = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var callers = ids.Select(id => Task.Run(async () =>
        {
            var robot = cluster.Client.GetGrain<IRobotGrain>(id);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var summary = await robot.GetSummary();
                    if (summary?.Zone != "zone-b")
                    {
                        failures.Enqueue($"{id}: lost its registration");
                    }

                    Interlocked.Increment(ref calls);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{id}: {e.GetType().Name}: {e.Message}");
                }

                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None)).ToList();

        await cluster.StopSiloAsync(leaving, ct);
        var callsAfterStop = Interlocked.Read(ref calls);
        await UntilAsync(() => Interlocked.Read(ref calls) > callsAfterStop + (ids.Count * 5), "robot calls after the stop", ct);

        var remaining = cluster.Silos.Single();
        foreach (var id in ids)
        {
            var robot = cluster.Client.GetGrain<IRobotGrain>(id);
            Assert.Equal(remaining.SiloAddress.ToParsableString(), (await robot.GetState()).HostSilo);

            // Migrated, not re-activated: the state came with the activation, storage was read once (first activation).
            Assert.Equal(1, storage.Reads(robot.GetGrainId()));
        }

        Assert.True(migrations.Total("silo-stopping") >= onLeaving.Count, $"migrations counted: {migrations.Total("silo-stopping")}");

        // A silo of zone b joins again: the twins go home to it, still without a failed call.
        var back = await cluster.StartAdditionalSiloAsync();
        Assert.Equal("zone-b", ZoneOf(back.Name));
        await cluster.WaitForLivenessToStabilizeAsync();
        foreach (var id in ids)
        {
            var robot = cluster.Client.GetGrain<IRobotGrain>(id);
            await UntilAsync(async () => (await robot.GetState()).HostSilo == back.SiloAddress.ToParsableString(), $"{id} to move home to the zone-b silo", ct);
            Assert.Equal(1, storage.Reads(robot.GetGrainId()));
        }

        Assert.True(migrations.Total("zone-homing") >= ids.Count, $"zone-homing migrations counted: {migrations.Total("zone-homing")}");
        await stop.CancelAsync();
        await Task.WhenAll(callers);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(Interlocked.Read(ref calls) > ids.Count * 10);
    }

    private static Task MetadataKnownAsync(InProcessTestCluster cluster, CancellationToken ct) => UntilAsync(
        () => cluster.Silos.All(s => cluster.Silos.All(o =>
            cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ISiloMetadataCache>().GetSiloMetadata(o.SiloAddress).Metadata.Count > 0)),
        "every silo to know every silo's zone",
        ct);

    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken ct) => await UntilAsync(() => Task.FromResult(condition()), what, ct);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Sums <c>coordination.placement.migrations</c> by reason.</summary>
    private sealed class MigrationCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

        public MigrationCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CoordinationInstruments.MeterName && instrument.Name == "coordination.placement.migrations")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason" && tag.Value is string reason)
                    {
                        _totals.AddOrUpdate(reason, value, (_, v) => v + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Total(string reason) => _totals.GetValueOrDefault(reason);

        public void Dispose() => _listener.Dispose();
    }
}
