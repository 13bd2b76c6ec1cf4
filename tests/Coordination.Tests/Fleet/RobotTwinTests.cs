using Coordination.Common;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;
using static Coordination.Tests.Fleet.FleetTestData;

namespace Coordination.Tests.Fleet;

[Collection(FleetClusterCollection.Name)]
public sealed class RobotTwinTests(FleetClusterFixture fixture)
{
    private IRobotGrain Robot(string id) => fixture.Client.GetGrain<IRobotGrain>(id);

    [Fact]
    public async Task RegistrationIsPersistedAndTheRobotIsIdleAndIndexed()
    {
        var id = TestKeys.New("robot");
        var summary = await Robot(id).Register(Registration(zone: "dock-a"));
        Assert.Equal(RobotStatus.Idle, summary.Status);
        Assert.Equal(id, summary.RobotId);
        Assert.Null(summary.Cell);

        var state = await Robot(id).GetState();
        Assert.Equal("amr-500", state.Registration!.Model);
        Assert.NotNull(state.CheckpointedAt);
        Assert.Null(state.Pose);

        var listed = await fixture.Client.GetGrain<IFleetIndexGrain>(FleetIndex.Key).List(zone: "dock-a");
        Assert.Contains(listed, r => r.RobotId == id && r.Status == RobotStatus.Idle);
    }

    [Fact]
    public async Task BadRegistrationNamesTheField()
    {
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(TestKeys.New("robot")).Register(Registration() with { MaxSpeed = double.NaN }));
        Assert.Equal("registration.maxSpeed", e.Field);
    }

    [Fact]
    public async Task AcceptedTelemetryUpdatesTheTwinAndAnnouncesOnlyChanges()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        var ack = await Robot(id).ReportTelemetry(Sample(2.4, 3.6, battery: 80, second: 1));
        Assert.Equal(RobotStatus.Idle, ack.Status);
        Assert.False(ack.CommandObserverPresent);

        // Same cell (2,4), same 5 % band (80 → 81): nothing new for the dispatcher.
        await Robot(id).ReportTelemetry(Sample(2.2, 4.1, battery: 81, second: 2));
        // New cell, new band, new status: announced.
        await Robot(id).ReportTelemetry(Sample(3.0, 4.0, battery: 74, status: RobotStatus.Charging, second: 3));

        var state = await Robot(id).GetState();
        Assert.Equal(new RobotPose(3.0, 4.0, 0.5), state.Pose);
        Assert.Equal(74, state.BatteryPercent);
        Assert.Equal(RobotStatus.Charging, state.Status);
        Assert.Equal(T0.AddSeconds(3), state.LastTelemetryAt);
        Assert.Equal(3, state.AcceptedSamples);

        var announced = fixture.Recorder.SummariesOf(id);
        Assert.Equal([null, new GridCell(2, 4), new GridCell(3, 4)], announced.Select(s => s.Cell).ToArray());
        Assert.Equal(RobotStatus.Charging, announced[^1].Status);
        Assert.Equal([new GridCell(2, 4), new GridCell(3, 4)], fixture.Recorder.PositionsOf(id).Select(p => p.Cell).ToArray());
    }

    public static TheoryData<string, RobotTelemetry, string> BadSamples() => new()
    {
        { "NaN x", Sample(double.NaN, 1), "telemetry.x" },
        { "infinite y", Sample(1, double.PositiveInfinity), "telemetry.y" },
        { "NaN heading", Sample(1, 1) with { Heading = double.NaN }, "telemetry.heading" },
        { "infinite velocity", Sample(1, 1) with { LinearVelocity = double.NegativeInfinity }, "telemetry.linearVelocity" },
        { "NaN battery", Sample(1, 1, battery: double.NaN), "telemetry.batteryPercent" },
        { "battery above 100", Sample(1, 1, battery: 100.5), "telemetry.batteryPercent" },
        { "battery below 0", Sample(1, 1, battery: -1), "telemetry.batteryPercent" },
        { "older timestamp", Sample(1, 1, second: 5), "telemetry.timestamp" },
        { "missing timestamp", Sample(1, 1) with { Timestamp = default }, "telemetry.timestamp" },
        { "pose outside the map", Sample(10.6, 2, second: 20), "telemetry.pose" },
        { "negative pose", Sample(-0.6, 2, second: 20), "telemetry.pose" },
        { "oversized payload", Sample(1, 1, second: 20) with { Diagnostics = new Dictionary<string, string> { ["dump"] = new('x', 5000) } }, "telemetry" },
        { "offline reported", Sample(1, 1, status: RobotStatus.Offline, second: 20), "telemetry.status" },
        { "unknown status", Sample(1, 1, status: (RobotStatus)42, second: 20), "telemetry.status" },
    };

    [Theory]
    [MemberData(nameof(BadSamples))]
    public async Task BadTelemetryIsRejectedWithTheFieldAndChangesNothing(string name, RobotTelemetry bad, string field)
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        await Robot(id).ReportTelemetry(Sample(4, 4, battery: 60, second: 10));
        var before = await Robot(id).GetState();

        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(id).ReportTelemetry(bad));
        Assert.True(field == e.Field, $"{name}: expected field {field}, got {e.Field} ({e.Message})");
        Assert.StartsWith(field + ": ", e.Message, StringComparison.Ordinal);

        var after = await Robot(id).GetState();
        Assert.Equal(1, after.RejectedSamples);
        Assert.Equal(before.AcceptedSamples, after.AcceptedSamples);
        Assert.Equal(before.Pose, after.Pose);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.BatteryPercent, after.BatteryPercent);
        Assert.Equal(before.LastTelemetryAt, after.LastTelemetryAt);
        Assert.Equal(before.LastSeenAt, after.LastSeenAt);
    }

    [Fact]
    public async Task TelemetryOfAnUnregisteredRobotIsRejected()
    {
        var id = TestKeys.New("robot");
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(id).ReportTelemetry(Sample(1, 1)));
        Assert.Equal("robot", e.Field);
        Assert.Contains("not registered", e.Message, StringComparison.Ordinal);
        Assert.Null(await Robot(id).GetSummary());
    }

    [Fact]
    public async Task PosesAnywhereAreAcceptedInAWorldWithoutKnownBounds()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration(world: TestKeys.New("unbounded")));
        await Robot(id).ReportTelemetry(Sample(1e6, -42, second: 1));
        Assert.Equal(new GridCell(1_000_000, -42), (await Robot(id).GetSummary())!.Cell);
    }

    [Fact]
    public async Task MissedHeartbeatsMakeTheRobotOfflineAndAReportBringsItBack()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        await Robot(id).ReportTelemetry(Sample(1, 1, second: 1));
        await Robot(id).Assign(Assignment("task-1"));

        var offline = await Poll.UntilAsync(() => Robot(id).GetState(), s => s.Status == RobotStatus.Offline, "the robot to go offline");
        Assert.Equal("task-1", offline.CurrentAssignment!.TaskId);
        // The dispatcher hears it one-way, so it may arrive a moment after the state changed.
        var heard = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Recorder.SummariesOf(id)),
            l => l.Any(s => s.Status == RobotStatus.Offline),
            "the dispatcher to hear the robot went offline");
        Assert.Contains(heard, s => s.Status == RobotStatus.Offline && s.CurrentTaskId == "task-1");

        // An offline robot takes no new work.
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(id).Assign(Assignment("task-2")));
        Assert.Equal("robot.status", e.Field);

        // It comes back with its next report (working: it still has its task).
        var ack = await Robot(id).ReportTelemetry(Sample(1, 2, second: 2));
        Assert.Equal(RobotStatus.Working, ack.Status);
        var back = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Recorder.SummariesOf(id)),
            l => l.Count > heard.Count,
            "the dispatcher to hear the robot is back");
        Assert.Equal(RobotStatus.Offline, back[^2].Status);
        Assert.Equal(RobotStatus.Working, back[^1].Status);

        // The dispatcher re-queued the task and cancels it: the twin drops it.
        Assert.True(await Robot(id).CancelAssignment("task-1", "re-queued while offline"));
        Assert.Null(await Robot(id).GetCurrentAssignment());
    }

    [Fact]
    public async Task ARobotSilentSinceRegistrationGoesOfflineAndAReportBringsItBack()
    {
        var id = TestKeys.New("robot");
        var zone = TestKeys.New("zone");
        var index = fixture.Client.GetGrain<IFleetIndexGrain>(FleetIndex.Key);
        Assert.Equal(RobotStatus.Idle, (await Robot(id).Register(Registration(zone: zone))).Status);

        // Registration is its first sign of life: silence from then on counts as missed heartbeats.
        var offline = await Poll.UntilAsync(() => Robot(id).GetState(), s => s.Status == RobotStatus.Offline, "the silent robot to go offline");
        Assert.Null(offline.LastSeenAt);
        var heard = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Recorder.SummariesOf(id)),
            l => l.Any(s => s.Status == RobotStatus.Offline),
            "the dispatcher to hear the robot went offline");
        Assert.Equal([RobotStatus.Idle, RobotStatus.Offline], heard.Select(s => s.Status).ToArray());
        await Poll.UntilAsync(
            () => index.List(zone: zone),
            rows => rows.Any(r => r.RobotId == id && r.Status == RobotStatus.Offline),
            "the fleet index to list the robot offline");

        // Nothing can be given to it meanwhile.
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(id).Assign(Assignment("task-1")));
        Assert.Equal("robot.status", e.Field);

        // It comes back with its first report (and stays while it keeps reporting).
        await using var heartbeat = await Heartbeat.StartAsync(Robot(id), Sample(1, 1, second: 1));
        Assert.Equal(RobotStatus.Idle, heartbeat.FirstAck.Status);
        var back = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Recorder.SummariesOf(id)),
            l => l.Count > heard.Count,
            "the dispatcher to hear the robot is back");
        Assert.Equal(RobotStatus.Idle, back[heard.Count].Status);
        Assert.Equal(new GridCell(1, 1), back[heard.Count].Cell);
        await Poll.UntilAsync(
            () => index.List(zone: zone),
            rows => rows.Any(r => r.RobotId == id && r.Status == RobotStatus.Idle),
            "the fleet index to list the robot idle again");
        await Robot(id).Assign(Assignment("task-1"));
        Assert.Equal(RobotStatus.Working, (await Robot(id).GetSummary())!.Status);
    }

    [Fact]
    public async Task HighRateTelemetryIsCheckpointedAtABoundedRate()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        var hostSilo = (await Robot(id).GetState()).HostSilo;
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToParsableString() == hostSilo);
        var storage = fixture.StorageOf(host);
        var grainId = Robot(id).GetGrainId();
        var writesBefore = storage.WritesOf(grainId);

        var started = DateTime.UtcNow;
        const int samples = 100;
        for (var i = 1; i <= samples; i++)
        {
            await Robot(id).ReportTelemetry(Sample(1 + (i % 5), 2, battery: 50, second: i));
        }

        var elapsed = DateTime.UtcNow - started;

        // At most one write per checkpoint interval (plus one for a tick in progress), however many samples arrived.
        var bound = 2 + (int)(elapsed / FleetClusterFixture.CheckpointInterval);
        var writes = storage.WritesOf(grainId) - writesBefore;
        Assert.True(writes <= bound, $"{writes} writes for {samples} samples in {elapsed.TotalMilliseconds:0} ms (bound {bound})");
        Assert.True(bound < samples / 2, $"the run was too slow to tell checkpointing from writing every sample ({elapsed})");

        // The checkpoint eventually holds the last sample.
        var stored = await Poll.UntilAsync(
            () => Task.FromResult(storage.Stored<RobotState>("robot", grainId)),
            s => s?.LastTelemetryAt == T0.AddSeconds(samples),
            "the last sample to be checkpointed");
        Assert.Equal(1 + (samples % 5), stored!.X);
    }

    [Fact]
    public async Task AssignmentsAreValidatedPersistedAndCancelledOnlyWhenCurrent()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());

        var outside = Assignment("task-x") with { Waypoints = [new GridCell(1, 1), new GridCell(12, 3)] };
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Robot(id).Assign(outside));
        Assert.Equal("assignment.waypoints[1]", e.Field);

        await Robot(id).Assign(Assignment("task-1"));
        var state = await Robot(id).GetState();
        Assert.Equal(RobotStatus.Working, state.Status);
        Assert.Equal("task-1", state.CurrentAssignment!.TaskId);
        Assert.Equal("task-1", fixture.Recorder.SummariesOf(id)[^1].CurrentTaskId);

        // While assigned, a robot that says idle is working on it.
        Assert.Equal(RobotStatus.Working, (await Robot(id).ReportTelemetry(Sample(1, 1, status: RobotStatus.Idle, second: 1))).Status);

        Assert.False(await Robot(id).CancelAssignment("task-other", "not mine"));
        Assert.Equal("task-1", (await Robot(id).GetCurrentAssignment())!.TaskId);
        Assert.True(await Robot(id).CancelAssignment("task-1", "mission cancelled"));
        Assert.Null(await Robot(id).GetCurrentAssignment());
        Assert.Equal(RobotStatus.Idle, (await Robot(id).GetSummary())!.Status);
    }

    [Fact]
    public async Task TaskProgressMustBeForTheCurrentTaskAndCompletionFreesTheRobot()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());

        // The robot keeps reporting while it works (idle as it says; working to the twin while assigned).
        await using var heartbeat = await Heartbeat.StartAsync(Robot(id), Sample(1, 1, second: 1));
        var none = await Assert.ThrowsAsync<CoordinationValidationException>(
            () => Robot(id).ReportTaskProgress(new TaskProgress("task-1", "mission-1", TaskProgressKind.Started, 0, null, T0)));
        Assert.Equal("progress.taskId", none.Field);

        await Robot(id).Assign(Assignment("task-1"));
        var wrong = await Assert.ThrowsAsync<CoordinationValidationException>(
            () => Robot(id).ReportTaskProgress(new TaskProgress("task-2", "mission-1", TaskProgressKind.Started, 0, null, T0)));
        Assert.Equal("progress.taskId", wrong.Field);
        var wrongMission = await Assert.ThrowsAsync<CoordinationValidationException>(
            () => Robot(id).ReportTaskProgress(new TaskProgress("task-1", "mission-9", TaskProgressKind.Started, 0, null, T0)));
        Assert.Equal("progress.missionId", wrongMission.Field);

        await Robot(id).ReportTaskProgress(new TaskProgress("task-1", "mission-1", TaskProgressKind.WaypointReached, 0, null, T0));
        Assert.Equal("task-1", (await Robot(id).GetCurrentAssignment())!.TaskId);
        await Robot(id).ReportTaskProgress(new TaskProgress("task-1", "mission-1", TaskProgressKind.Completed, 1, null, T0));

        Assert.Null(await Robot(id).GetCurrentAssignment());
        Assert.Equal(RobotStatus.Idle, (await Robot(id).GetSummary())!.Status);
        Assert.Equal([TaskProgressKind.WaypointReached, TaskProgressKind.Completed], fixture.Recorder.ProgressOf(id).Select(p => p.Kind).ToArray());
        Assert.Null(fixture.Recorder.SummariesOf(id)[^1].CurrentTaskId);
    }

    [Fact]
    public async Task AMissionThatRefusesProgressLeavesTheAssignmentInPlace()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        await Robot(id).Assign(Assignment("task-1"));
        fixture.Recorder.RefuseProgressOf[id] = true;

        await Assert.ThrowsAnyAsync<Exception>(
            () => Robot(id).ReportTaskProgress(new TaskProgress("task-1", "mission-1", TaskProgressKind.Completed, 1, null, T0)));
        Assert.Equal("task-1", (await Robot(id).GetCurrentAssignment())!.TaskId);
    }

    [Fact]
    public async Task PathsFromTheWrongWorldAreRejected()
    {
        var id = TestKeys.New("robot");
        await Robot(id).Register(Registration());
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(
            () => Robot(id).FollowPath(new Coordination.World.RobotPath("elsewhere", 1, 0, TimeSpan.FromMilliseconds(500), [new GridCell(1, 1)])));
        Assert.Equal("path.worldId", e.Field);
    }
}
