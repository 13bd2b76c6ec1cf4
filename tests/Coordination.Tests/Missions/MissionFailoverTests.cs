using Coordination.Client.Missions;
using Coordination.Common;
using Coordination.Hosting;
using Coordination.Missions;
using Coordination.Silo.Hosting;
using Coordination.Tests.Infrastructure;
using Orleans.Configuration;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Coordination.Tests.Missions;

/// <summary>Missions on Redis-backed state survive the kill of the silo that hosts them and their dispatcher.</summary>
public sealed class MissionFailoverTests
{
    [Fact]
    public async Task AMissionSurvivesTheKillOfItsSiloOnRedisAndCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Redis, ConfigurationOptions.Parse(redis.ConnectionString));
            MissionClusterFixture.ConfigureShortPeriods(silo.Services);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        await using var cluster = builder.Build();
        await cluster.DeployAsync(ct);
        var client = cluster.Client;
        var missions = new MissionsClient(client);
        var management = client.GetGrain<IManagementGrain>(0);
        var primary = cluster.Silos[0].SiloAddress;

        // A world whose dispatcher lives on a secondary silo, and a mission on that same silo: the victim.
        string world;
        SiloAddress victim;
        while (true)
        {
            world = TestKeys.New("world");
            await client.GetGrain<IDispatcherGrain>(world).GetSnapshot();
            var at = await management.GetActivationAddress(client.GetGrain<IDispatcherGrain>(world), ct);
            if (at is not null && !at.Equals(primary))
            {
                victim = at;
                break;
            }
        }

        string missionId;
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 200, "no mission grain was placed on the victim silo");
            missionId = TestKeys.New("m");
            await client.GetGrain<IMissionGrain>(missionId).GetStatus();
            if (victim.Equals(await management.GetActivationAddress(client.GetGrain<IMissionGrain>(missionId), ct)))
            {
                break;
            }
        }

        await using var robot = await TestRobot.StartAsync(client, TestKeys.New("robot"), world, new GridCell(1, 1));
        robot.Hold = true;
        var inFlight = new MissionSpec(missionId, world, 20, null, [MissionTaskSpec.Delivery(new GridCell(2, 2), new GridCell(12, 9))]);
        await missions.SubmitAsync(inFlight);
        await Eventually.Until(async () => (await missions.GetStatusAsync(missionId))!, s => s.Status == MissionStatus.Underway, "the mission to be underway");
        var queued = Specs.GoTo(world, new GridCell(5, 5));
        await missions.SubmitAsync(queued);
        await Eventually.Until(() => client.GetGrain<IDispatcherGrain>(world).GetSnapshot(), s => s.Queued.Count == 1, "the second mission in the queue");

        await cluster.KillSiloAsync(cluster.Silos.Single(s => s.SiloAddress.Equals(victim)), ct);
        robot.Hold = false;
        robot.Release();

        var first = await Eventually.Until(() => missions.GetStatusAsync(missionId), s => s!.IsTerminal, "the first mission to end", TimeSpan.FromSeconds(90));
        Assert.Equal(MissionStatus.Completed, first!.Status);
        Assert.Equal(robot.RobotId, first.Tasks[0].RobotId);
        var second = await Eventually.Until(() => missions.GetStatusAsync(queued.Id), s => s!.IsTerminal, "the queued mission to end", TimeSpan.FromSeconds(90));
        Assert.Equal(MissionStatus.Completed, second!.Status);
        Assert.NotEqual(victim, await management.GetActivationAddress(client.GetGrain<IMissionGrain>(missionId), ct));
        await cluster.StopAllSilosAsync(ct);
    }
}
