using Coordination.Common;
using Coordination.Fleet;
using Coordination.Simulation.Cluster;
using Coordination.Simulation.Faults;
using Coordination.Simulation.Kpi;
using Coordination.Simulation.Maps;
using Coordination.Simulation.Setup;
using Coordination.Simulation.Workload;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Simulation;

public sealed class SimulationGroundworkTests
{
    [Fact]
    public void TheCollisionCheckerSeesVertexAndSwapConflicts()
    {
        var checker = new CollisionChecker();
        checker.Step(0, new Dictionary<string, GridCell> { ["a"] = new(0, 0), ["b"] = new(1, 0), ["c"] = new(5, 5) });
        Assert.Equal(0, checker.Collisions);
        checker.Step(1, new Dictionary<string, GridCell> { ["a"] = new(1, 0), ["b"] = new(0, 0), ["c"] = new(5, 6) });
        Assert.Equal(1, checker.SwapConflicts);
        checker.Step(2, new Dictionary<string, GridCell> { ["a"] = new(1, 0), ["b"] = new(0, 0), ["c"] = new(1, 0) });
        Assert.Equal(1, checker.VertexConflicts);
        checker.Step(3, new Dictionary<string, GridCell> { ["a"] = new(2, 0), ["b"] = new(1, 0), ["c"] = new(1, 1) });
        Assert.Equal(2, checker.Collisions);
    }

    [Fact]
    public void FollowingInALineIsNotASwap()
    {
        var checker = new CollisionChecker();
        checker.Step(0, new Dictionary<string, GridCell> { ["a"] = new(0, 0), ["b"] = new(1, 0) });
        checker.Step(1, new Dictionary<string, GridCell> { ["a"] = new(1, 0), ["b"] = new(2, 0) });
        Assert.Equal(0, checker.Collisions);
    }

    [Fact]
    public void TheSameSeedGivesTheSameLayoutMissionsAndFaults()
    {
        var settings = new SimulationSettings { Robots = 10, Missions = 30, Seconds = 60, Seed = 7, Silos = 3, KillSiloAt = [20], FailNodeAt = [10], DropRobotAt = [15] };
        var a = FloorLayout.Create(EmbeddedWarehouse.Create(), settings.Robots, settings.Seed);
        var b = FloorLayout.Create(EmbeddedWarehouse.Create(), settings.Robots, settings.Seed);
        Assert.Equal(a.Homes, b.Homes);
        Assert.Equal(a.Stations, b.Stations);
        Assert.Equal(MissionGenerator.Generate(a, 30, 60, 7), MissionGenerator.Generate(b, 30, 60, 7), new MissionComparer());
        Assert.Equal(FaultPlan.Create(settings), FaultPlan.Create(settings));
        var other = MissionGenerator.Generate(a, 30, 60, 8);
        Assert.NotEqual(MissionGenerator.Generate(a, 30, 60, 7).Select(m => m.Places[0]), other.Select(m => m.Places[0]));
        Assert.Equal(10, a.Homes.Distinct().Count());
        Assert.All(a.Homes.Concat(a.Stations).Concat(a.Chargers), c => Assert.True(a.Map.IsPassable(c.X, c.Y)));
    }

    [Fact]
    public void BadSettingsNameTheirOption()
    {
        var problems = new SimulationSettings { Robots = 0, Seconds = 10, KillSiloAt = [12], Silos = 1, Redis = "nope" }.Validate();
        Assert.Contains(problems, p => p.StartsWith("--robots:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--kill-silo-at: 12", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--redis:", StringComparison.Ordinal));
        Assert.Empty(new SimulationSettings().Validate());
    }

    [Fact]
    public async Task TheSimulationClusterKeepsStateInRedisAcrossASiloKill()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        await using var cluster = await SimulationCluster.StartAsync(2, redis.ConnectionString, cancellationToken: ct);
        var ids = Enumerable.Range(0, 6).Select(_ => TestKeys.New("robot")).ToArray();
        foreach (var id in ids)
        {
            await cluster.Client.GetGrain<IRobotGrain>(id).Register(new RobotRegistration("amr", ["lift"], "/r", "w", 1, string.Empty));
        }

        var membership = redis.Connection!.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: "*").Select(k => k.ToString()).ToList();
        Assert.Contains(membership, k => k.Contains("coordination-sim", StringComparison.Ordinal));

        Assert.True(await cluster.KillSiloAsync(1, ct));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        foreach (var id in ids)
        {
            while (true)
            {
                try
                {
                    var summary = await cluster.Client.GetGrain<IRobotGrain>(id).GetSummary().WaitAsync(TimeSpan.FromSeconds(5), ct);
                    Assert.Equal("amr", summary!.Model);
                    break;
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200, ct);
                }
            }
        }
    }

    private sealed class MissionComparer : IEqualityComparer<GeneratedMission>
    {
        public bool Equals(GeneratedMission? x, GeneratedMission? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Kind == y.Kind && x.Places.SequenceEqual(y.Places) && x.Rounds == y.Rounds && x.Priority == y.Priority;

        public int GetHashCode(GeneratedMission obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
