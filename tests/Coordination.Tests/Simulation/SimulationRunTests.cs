using Coordination.Cli.Commands.Simulation;
using Coordination.Simulation;
using Coordination.Simulation.Setup;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Simulation;

/// <summary>Short seeded simulations: the system's guarantees end to end.</summary>
public sealed class SimulationRunTests
{
    [Fact]
    public async Task AShortRunCompletesMissionsWithoutCollisionsAndWritesTheReport()
    {
        var report = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.json");
        try
        {
            var exit = await SimulateCommand.RunAsync(
                new SimulationSettings { Robots = 8, Nodes = 3, Silos = 2, Missions = 10, Seconds = 30, Seed = 3, ReportPath = report, Live = false },
                TestContext.Current.CancellationToken);
            Assert.Equal(0, exit);
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
            var root = json.RootElement;
            Assert.Equal(0, root.GetProperty("collisions").GetInt32());
            Assert.Equal(0, root.GetProperty("missionsLost").GetInt32());
            Assert.True(root.GetProperty("missionsCompleted").GetInt32() > 0, "no mission completed in 30 s");
            Assert.True(root.GetProperty("planningTimeMs").GetProperty("p99").GetDouble() > 0);
            foreach (var field in new[] { "seed", "robots", "nodes", "silos", "seconds", "missionsSubmitted", "missionsFailed", "missionsCancelled", "tasksCompleted", "tasksPerHour", "assignmentLatencyMs", "siloKills", "nodeFailures", "robotDrops", "recoverySeconds", "placementDecisions", "grainMigrations", "podEvictions", "nodeAvailability", "meanGpuUtilization" })
            {
                Assert.True(root.TryGetProperty(field, out _), $"report lacks {field}");
            }
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task WithRedisFaultsLoseNoMissionAndCauseNoCollision()
    {
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var settings = new SimulationSettings
        {
            Robots = 10,
            Nodes = 4,
            Silos = 3,
            Missions = 14,
            Seconds = 45,
            Seed = 5,
            Redis = redis.ConnectionString,
            KillSiloAt = [15],
            FailNodeAt = [10],
            DropRobotAt = [12],
            Live = false,
        };
        var report = await new Simulator(settings).RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, report.MissionsLost);
        Assert.Equal(0, report.Collisions);
        Assert.Equal(1, report.SiloKills);
        Assert.True(report.MissionsCompleted > 0, "no mission completed");
        Assert.True(report.RecoverySeconds.Max < settings.Seconds - 15, $"a fault was not recovered within the run ({report.RecoverySeconds.Max} s)");
    }

    [Fact]
    public async Task BadOptionsExitTwoNamingTheOption()
    {
        var exit = await SimulateCommand.RunAsync(new SimulationSettings { Robots = 0, Live = false }, TestContext.Current.CancellationToken);
        Assert.Equal(2, exit);
    }
}
