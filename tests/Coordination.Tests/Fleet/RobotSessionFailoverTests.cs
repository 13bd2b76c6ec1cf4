using Coordination.Client.Connection;
using Coordination.Client.Fleet;
using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Silo.Hosting;
using Coordination.Tests.Infrastructure;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using StackExchange.Redis;
using static Coordination.Tests.Fleet.FleetTestData;

namespace Coordination.Tests.Fleet;

/// <summary>A 2-silo cluster on Redis storage whose silo of the robot's zone is killed.</summary>
public sealed class RobotSessionFailoverTests
{
    [Fact]
    public async Task TheSessionKeepsReceivingCommandsAcrossASiloKillAndTheTwinResumesFromItsCheckpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Redis, ConfigurationOptions.Parse(redis.ConnectionString));
            silo.UseSiloMetadata(new Dictionary<string, string> { [ZonePlacement.ZoneMetadataKey] = FleetClusterFixture.ZoneOf(options.SiloName) });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            FleetClusterFixture.ConfigureShortPeriods(silo.Services);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync(ct);

        // The robot's zone is the secondary silo's: its twin lives there.
        var doomed = cluster.Silos.Single(s => FleetClusterFixture.ZoneOf(s.Name) == "zone-b");
        var id = TestKeys.New("robot");
        var options = new RobotSessionOptions { ResubscribeInterval = TimeSpan.FromMilliseconds(500), RetryDelay = TimeSpan.FromMilliseconds(200), CallTimeout = TimeSpan.FromSeconds(3) };
        await using var session = await RobotSession.StartAsync(cluster.Client, id, Registration(world: "warehouse", zone: "zone-b"), options, ct);
        var twin = cluster.Client.GetGrain<IRobotGrain>(id);
        Assert.Equal(doomed.SiloAddress.ToParsableString(), (await twin.GetState()).HostSilo);

        await twin.Assign(Assignment("task-1"));
        Assert.Equal("task-1", (await session.Commands.ReadAsync(ct)).Assignment!.TaskId);
        await session.ReportTelemetryAsync(Sample(3.2, 4.4, battery: 66, status: RobotStatus.Working, second: 1), ct);
        await Poll.UntilAsync(() => twin.GetState(), s => s.CheckpointedAt >= s.LastSeenAt, "a checkpoint of the last sample");

        await cluster.KillSiloAsync(doomed, ct);

        // The twin comes back on the surviving silo with the checkpointed pose and the persisted assignment.
        var resumed = await Poll.UntilAsync(
            () => twin.GetState().WaitAsync(TimeSpan.FromSeconds(3), ct),
            s => s.HostSilo != doomed.SiloAddress.ToParsableString(),
            "the twin to answer from the surviving silo",
            TimeSpan.FromSeconds(60));
        Assert.Equal(new RobotPose(3.2, 4.4, 0.5), resumed.Pose);
        Assert.Equal(66, resumed.BatteryPercent);
        Assert.Equal("task-1", resumed.CurrentAssignment!.TaskId);
        Assert.Equal(T0.AddSeconds(1), resumed.LastTelemetryAt);

        // The robot keeps reporting (it is alive; only a silo died), so the twin does not count it offline
        // however long the failover took. Commands sent after the failure reach the session (live, or replayed
        // when it resubscribes).
        await session.ReportTelemetryAsync(Sample(3.2, 4.4, battery: 66, status: RobotStatus.Working, second: 2), ct);
        await twin.CancelAssignment("task-1", "re-planned");
        await twin.Assign(Assignment("task-2"));
        var received = new List<RobotCommand>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        await foreach (var command in session.ReadCommandsAsync(wait.Token))
        {
            received.Add(command);
            if (command.Kind == RobotCommandKind.Assign && command.Assignment!.TaskId == "task-2")
            {
                break;
            }
        }

        Assert.Equal("task-2", received[^1].Assignment!.TaskId);
        await Poll.UntilAsync(() => twin.GetState(), s => s.CommandObservers == 1, "the session to resubscribe on the new activation");
        await session.ReportTelemetryAsync(Sample(3.2, 4.4, battery: 65, status: RobotStatus.Working, second: 2), ct);

        // With every silo gone the session says it cannot reach the cluster.
        await cluster.StopAllSilosAsync(ct);
        var e = await Assert.ThrowsAsync<ClusterUnreachableException>(() => session.ReportTelemetryAsync(Sample(3, 4, second: 3), ct));
        Assert.Contains(id, e.Message, StringComparison.Ordinal);
        Assert.Equal(RobotSessionState.Unreachable, session.State);
        Assert.NotNull(session.LastError);
    }
}
