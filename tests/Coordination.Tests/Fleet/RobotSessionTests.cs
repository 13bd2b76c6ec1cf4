using Coordination.Client.Fleet;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;
using Coordination.World;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.Tests.Fleet.FleetTestData;

namespace Coordination.Tests.Fleet;

[Collection(FleetClusterCollection.Name)]
public sealed class RobotSessionTests(FleetClusterFixture fixture)
{
    private static readonly RobotSessionOptions FastRenewal = new() { ResubscribeInterval = TimeSpan.FromMilliseconds(500), CallTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task TheSessionRegistersStreamsAndReceivesEveryKindOfCommand()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = TestKeys.New("robot");
        await using var session = await RobotSession.StartAsync(fixture.Client, id, Registration(), FastRenewal, ct);
        Assert.Equal(RobotSessionState.Connected, session.State);
        Assert.Equal(RobotStatus.Idle, session.Summary!.Status);

        var ack = await session.ReportTelemetryAsync(Sample(1, 1, second: 1), ct);
        Assert.True(ack.CommandObserverPresent);

        var twin = fixture.Client.GetGrain<IRobotGrain>(id);
        await twin.Assign(Assignment("task-1"));
        var path = new RobotPath(FleetClusterFixture.BoundedWorld, 7, 100, TimeSpan.FromMilliseconds(500), [new GridCell(1, 1), new GridCell(2, 1)]);
        await twin.FollowPath(path);
        Assert.True(await twin.CancelAssignment("task-1", "mission cancelled"));

        var commands = new List<RobotCommand>();
        await foreach (var command in session.ReadCommandsAsync(ct))
        {
            commands.Add(command);
            if (commands.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([RobotCommandKind.Assign, RobotCommandKind.FollowPath, RobotCommandKind.Cancel], commands.Select(c => c.Kind).ToArray());
        Assert.Equal("task-1", commands[0].Assignment!.TaskId);
        Assert.Equal(7, commands[1].Path!.PlanId);
        Assert.Equal("mission cancelled", commands[2].Reason);
        Assert.All(commands, c => Assert.False(c.Replayed));
        Assert.True(commands[0].Sequence < commands[1].Sequence && commands[1].Sequence < commands[2].Sequence);

        await session.ReportTelemetryAsync(Sample(1, 1, second: 2), ct);
        await Assert.ThrowsAsync<CoordinationValidationException>(() => session.ReportTelemetryAsync(Sample(1, 1, second: 1), ct));
        Assert.Equal(RobotSessionState.Connected, session.State);
    }

    [Fact]
    public async Task ProgressGoesThroughTheSession()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = TestKeys.New("robot");
        await using var session = await RobotSession.StartAsync(fixture.Client, id, Registration(), FastRenewal, ct);
        await fixture.Client.GetGrain<IRobotGrain>(id).Assign(Assignment("task-1"));
        Assert.Equal(RobotCommandKind.Assign, (await session.Commands.ReadAsync(ct)).Kind);

        await session.ReportTaskProgressAsync(new TaskProgress("task-1", "mission-1", TaskProgressKind.Completed, 1, null, T0), ct);
        Assert.Null(await fixture.Client.GetGrain<IRobotGrain>(id).GetCurrentAssignment());
        Assert.Single(fixture.Recorder.ProgressOf(id));
    }

    [Fact]
    public async Task AnAssignmentMadeBeforeTheSessionSubscribedIsReplayed()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = TestKeys.New("robot");
        var twin = fixture.Client.GetGrain<IRobotGrain>(id);
        await twin.Register(Registration());
        await twin.Assign(Assignment("task-early"));

        await using var session = await RobotSession.StartAsync(fixture.Client, id, Registration(), FastRenewal, ct);
        var command = await session.Commands.ReadAsync(ct);
        Assert.Equal(RobotCommandKind.Assign, command.Kind);
        Assert.True(command.Replayed);
        Assert.Equal("task-early", command.Assignment!.TaskId);
    }

    [Theory]
    [InlineData("zone-a")]
    [InlineData("zone-b")]
    public async Task TwinsArePlacedOnASiloOfTheRobotsZone(string zone)
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = fixture.Cluster.Silos.Single(s => FleetClusterFixture.ZoneOf(s.Name) == zone).SiloAddress.ToParsableString();
        for (var i = 0; i < 4; i++)
        {
            var id = TestKeys.New("robot");
            await using var session = await RobotSession.StartAsync(fixture.Client, id, Registration(zone: zone), FastRenewal, ct);
            var state = await fixture.Client.GetGrain<IRobotGrain>(id).GetState();
            Assert.Equal(zone, state.HostZone);
            Assert.Equal(expected, state.HostSilo);
        }
    }

    [Fact]
    public async Task AZoneWithoutASiloFallsBackToAnySilo()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = TestKeys.New("robot");
        await using var session = await RobotSession.StartAsync(fixture.Client, id, Registration(zone: "zone-nowhere"), FastRenewal, ct);
        var state = await fixture.Client.GetGrain<IRobotGrain>(id).GetState();
        Assert.Contains(state.HostZone, new[] { "zone-a", "zone-b" });
    }

    [Fact]
    public async Task AZoneHintForAnotherRobotDoesNotPlaceThisOne()
    {
        var other = TestKeys.New("robot");
        var id = TestKeys.New("robot");
        RequestContext.Set(FleetRequestContext.ZoneKey, "zone-b");
        RequestContext.Set(FleetRequestContext.RobotKey, other);
        await fixture.Client.GetGrain<IRobotGrain>(id).Register(Registration());
        RequestContext.Clear();

        foreach (var silo in fixture.Cluster.Silos)
        {
            Assert.Null(silo.ServiceProvider.GetRequiredService<RobotZoneDirectory>().Find(id));
        }

        // A session's own hint is remembered where the twin was placed.
        await using var session = await RobotSession.StartAsync(fixture.Client, other, Registration(zone: "zone-b"), FastRenewal, TestContext.Current.CancellationToken);
        Assert.Contains(fixture.Cluster.Silos, s => s.ServiceProvider.GetRequiredService<RobotZoneDirectory>().Find(other) == "zone-b");
    }
}
