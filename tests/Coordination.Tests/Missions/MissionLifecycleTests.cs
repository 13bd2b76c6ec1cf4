using Coordination.Client.Missions;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Missions;

[Collection(MissionClusterCollection.Name)]
public sealed class MissionLifecycleTests(MissionClusterFixture fixture)
{
    private MissionsClient Missions => new(fixture.Client);

    private static async Task<MissionSnapshot> EndOf(MissionsClient missions, string id)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Eventually.Deadline);
        return await missions.WaitForEndAsync(id, cts.Token);
    }

    /// <summary>Tells the world's dispatcher about a capable robot that is busy charging, so tasks stay queued without failing.</summary>
    private async Task KnownButBusyRobot(string world, params string[] capabilities) =>
        await fixture.Client.GetGrain<IDispatcherGrain>(world).RobotUpdated(new RobotSummary(
            TestKeys.New("busy"), "amr", RobotStatus.Charging, capabilities, string.Empty, world, 50, DateTimeOffset.UtcNow, new GridCell(0, 0)));

    [Fact]
    public async Task AMissionOfEveryKindCompletesWithItsHistoryEstimatesAndDurations()
    {
        var world = TestKeys.New("world");
        await using var lifter = await TestRobot.StartAsync(fixture.Client, TestKeys.New("lifter"), world, new GridCell(0, 0), 90, "lift");
        await using var other = await TestRobot.StartAsync(fixture.Client, TestKeys.New("other"), world, new GridCell(8, 6));
        var spec = Specs.Everything(world);

        var first = await Missions.SubmitAsync(spec);
        Assert.Equal(MissionStatus.Queued, first.Status);
        Assert.Equal(6, first.Tasks.Count);
        Assert.Equal(MissionTaskStatus.Waiting, first.Tasks[5].Status);

        var seen = new List<MissionStatus>();
        await foreach (var snapshot in Missions.WatchAsync(spec.Id, TestContext.Current.CancellationToken))
        {
            seen.Add(snapshot.Status);
        }

        // A robot may report completion before the dispatcher's notice (with the estimate) reaches the mission.
        var end = await Eventually.Until(() => Missions.GetStatusAsync(spec.Id), s => s!.Tasks.All(t => t.EstimatedSeconds is not null), "every task's estimate");
        Assert.NotNull(end);
        Assert.Equal(MissionStatus.Completed, end.Status);
        Assert.Equal(MissionStatus.Completed, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First <= p.Second), $"the lifecycle went backwards: {string.Join(" > ", seen)}");
        Assert.All(end.Tasks, t =>
        {
            Assert.Equal(MissionTaskStatus.Completed, t.Status);
            Assert.NotNull(t.RobotId);
            Assert.NotNull(t.EstimatedSeconds);
            Assert.True(t.ActualSeconds >= 0);
            Assert.Equal(t.Waypoints.Count, t.WaypointsReached);
        });
        Assert.Equal(lifter.RobotId, end.Tasks[1].RobotId);
        Assert.NotNull(end.ActualSeconds);
        Assert.NotNull(end.EstimatedSeconds);

        var history = await Missions.GetHistoryAsync(spec.Id);
        Assert.Equal(MissionEventKind.Submitted, history[0].Kind);
        Assert.Equal(MissionEventKind.Completed, history[^1].Kind);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));
        var firstStepDone = history.First(e => e.Kind == MissionEventKind.TaskCompleted && e.TaskId == $"{spec.Id}/first").Sequence;
        var secondStepQueued = history.First(e => e.Kind == MissionEventKind.TaskQueued && e.TaskId == $"{spec.Id}/4.1").Sequence;
        Assert.True(firstStepDone < secondStepQueued, "the second step of the compose was queued before the first completed");
        Assert.Equal(history.Count, (await Missions.GetHistoryAsync(spec.Id, 0)).Count);
        Assert.Equal(history.Count - 2, (await Missions.GetHistoryAsync(spec.Id, 2)).Count);
    }

    [Fact]
    public async Task SubmittingTheSameMissionTwiceIsOneMissionAndADifferentSpecUnderItsIdIsAnError()
    {
        var world = TestKeys.New("world");
        await KnownButBusyRobot(world);
        var spec = Specs.GoTo(world, new GridCell(4, 4));

        var both = await Task.WhenAll(Missions.SubmitAsync(spec), Missions.SubmitAsync(spec));
        Assert.All(both, s => Assert.Equal(spec.Id, s.MissionId));
        var again = await Missions.SubmitAsync(spec with { Deadline = null, Tasks = [MissionTaskSpec.GoTo(new GridCell(4, 4)) with { Requires = null }] });
        Assert.Equal(spec.Id, again.MissionId);

        var history = await Missions.GetHistoryAsync(spec.Id);
        Assert.Single(history, e => e.Kind == MissionEventKind.Submitted);
        var listed = await Eventually.Until(() => Missions.ListAsync(worldId: world), l => l.Count > 0, "the mission in the index");
        Assert.Equal(spec.Id, Assert.Single(listed).MissionId);
        // The mission hands its tickets to the dispatcher one way: wait until they are there, then count them.
        var snapshot = await Eventually.Until(
            () => fixture.Client.GetGrain<IDispatcherGrain>(world).GetSnapshot(), s => s.Queued.Any(t => t.MissionId == spec.Id), "the ticket in the dispatcher's queue");
        Assert.Single(snapshot.Queued, t => t.MissionId == spec.Id);

        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Missions.SubmitAsync(spec with { Priority = 99 }));
        Assert.Equal("$", e.Field);
        Assert.Contains("different spec", e.Message, StringComparison.Ordinal);
        Assert.Equal(10, (await Missions.GetStatusAsync(spec.Id))!.Priority);
        await Missions.CancelAsync(spec.Id);
    }

    [Fact]
    public async Task AnInvalidMissionIsRejectedWithItsPathAndNothingOfItIsStored()
    {
        var spec = Specs.Delivery(MissionClusterFixture.WalledWorld, new GridCell(1, 1), new GridCell(40, 5));
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Missions.SubmitAsync(spec));
        Assert.Equal("$.tasks[0].dropoff.x", e.Field);
        Assert.Contains("12x8", e.Message, StringComparison.Ordinal);
        Assert.Null(await Missions.GetStatusAsync(spec.Id));
        Assert.Empty(await Missions.GetHistoryAsync(spec.Id));

        var blocked = spec with { Tasks = [MissionTaskSpec.GoTo(new GridCell(6, 2))] };
        e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Missions.SubmitAsync(blocked));
        Assert.Equal("$.tasks[0].goal", e.Field);

        var fixedSpec = spec with { Tasks = [MissionTaskSpec.Delivery(new GridCell(1, 1), new GridCell(10, 5))] };
        Assert.Equal(MissionStatus.Queued, (await Missions.SubmitAsync(fixedSpec)).Status);
        await Missions.CancelAsync(spec.Id);
    }

    [Fact]
    public async Task ACompletionThatArrivesBeforeTheAssignmentNoticeCompletesTheMission()
    {
        var world = TestKeys.New("world");
        await KnownButBusyRobot(world);
        var spec = Specs.GoTo(world, new GridCell(2, 2));
        var taskId = (await Missions.SubmitAsync(spec)).Tasks[0].TaskId;
        var mission = fixture.Client.GetGrain<IMissionGrain>(spec.Id);

        await mission.TaskProgressed("fast", new TaskProgress(taskId, spec.Id, TaskProgressKind.Completed, 0, null, DateTimeOffset.UtcNow));
        await mission.TaskAssigned(new TaskAssignmentNotice(taskId, "fast", DateTimeOffset.UtcNow, [new GridCell(2, 2)], 3, 3, world));
        await mission.TaskAssigned(new TaskAssignmentNotice(taskId, "late", DateTimeOffset.UtcNow, [new GridCell(2, 2)], 3, 3, world));

        // The notices are one-way and the reads interleave: the idempotent re-submission is an ordinary request, queued
        // behind the notices, so the late one has been handled once it returns.
        await mission.Submit(spec);
        var end = await mission.GetStatus();
        Assert.Equal(MissionStatus.Completed, end!.Status);
        Assert.Equal("fast", end.Tasks[0].RobotId);
        Assert.Equal(1, end.Tasks[0].Attempts);
        Assert.DoesNotContain(await mission.GetHistory(), e => e.RobotId == "late");
        await Eventually.Until(
            () => fixture.Client.GetGrain<IDispatcherGrain>(world).GetSnapshot(),
            s => s.Queued.All(t => t.TaskId != taskId) && s.InFlight.All(t => t.TaskId != taskId),
            "the dispatcher to forget the completed task");
    }

    [Fact]
    public async Task AStartReportThatOvertakesTheAssignmentNoticeKeepsTheNoticesEstimate()
    {
        var world = TestKeys.New("world");
        await KnownButBusyRobot(world);
        var spec = Specs.GoTo(world, new GridCell(2, 2));
        var taskId = (await Missions.SubmitAsync(spec)).Tasks[0].TaskId;
        var mission = fixture.Client.GetGrain<IMissionGrain>(spec.Id);
        var robot = TestKeys.New("quick");
        var assignedAt = DateTimeOffset.UtcNow.AddSeconds(-1);

        await mission.TaskProgressed(robot, new TaskProgress(taskId, spec.Id, TaskProgressKind.Started, 0, null, DateTimeOffset.UtcNow));
        await mission.TaskAssigned(new TaskAssignmentNotice(taskId, robot, assignedAt, [new GridCell(2, 2)], 3, 7.5, world));

        // The notice is one-way: wait until the mission has taken it.
        var task = (await Eventually.Until(mission.GetStatus, s => s!.Tasks[0].EstimatedSeconds is not null, "the notice's estimate"))!.Tasks[0];
        Assert.Equal(MissionTaskStatus.Underway, task.Status);
        Assert.Equal(robot, task.RobotId);
        Assert.Equal(7.5, task.EstimatedSeconds);
        Assert.Equal(assignedAt, task.AssignedAt);
        Assert.Equal(1, task.Attempts);
        await Missions.CancelAsync(spec.Id);
    }

    [Fact]
    public async Task ADeadlineThatPassesFailsTheMissionWithItsReason()
    {
        var world = TestKeys.New("world");
        await KnownButBusyRobot(world);
        var spec = Specs.GoTo(world, new GridCell(2, 2)) with { Deadline = DateTimeOffset.UtcNow.AddSeconds(1.5) };
        await Missions.SubmitAsync(spec);
        var end = await EndOf(Missions, spec.Id);
        Assert.Equal(MissionStatus.Failed, end.Status);
        Assert.Contains("deadline", end.Reason, StringComparison.Ordinal);
        Assert.Equal(MissionTaskStatus.Cancelled, end.Tasks[0].Status);
    }

    [Fact]
    public async Task AMissionNoRegisteredRobotCanRunFailsNamingTheCapability()
    {
        var world = TestKeys.New("world");
        await using var robot = await TestRobot.StartAsync(fixture.Client, TestKeys.New("robot"), world, new GridCell(0, 0), 90, "camera");
        var spec = Specs.GoTo(world, new GridCell(2, 2), 10, "arm");
        await Missions.SubmitAsync(spec);
        var end = await EndOf(Missions, spec.Id);
        Assert.Equal(MissionStatus.Failed, end.Status);
        Assert.Contains("[arm]", end.Reason, StringComparison.Ordinal);
        Assert.Equal(MissionTaskStatus.Failed, end.Tasks[0].Status);
        Assert.DoesNotContain(robot.Received, c => c.Kind == RobotCommandKind.Assign);
    }

    [Fact]
    public async Task TheIndexListsMissionsByWorldAndStatus()
    {
        var world = TestKeys.New("world");
        await KnownButBusyRobot(world);
        var a = Specs.GoTo(world, new GridCell(1, 1));
        var b = Specs.GoTo(world, new GridCell(2, 1));
        await Missions.SubmitAsync(a);
        await Missions.SubmitAsync(b);
        await Missions.CancelAsync(b.Id, "not needed");

        var all = await Eventually.Until(() => Missions.ListAsync(worldId: world), l => l.Count == 2 && l.Any(m => m.Status == MissionStatus.Cancelled), "both missions in the index");
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), all.Select(m => m.MissionId).Order(StringComparer.Ordinal));
        var cancelled = Assert.Single(await Missions.ListAsync("cancelled", world));
        Assert.Equal(b.Id, cancelled.MissionId);
        Assert.Equal("not needed", cancelled.Reason);
        Assert.Equal(a.Id, Assert.Single(await Missions.ListAsync("QUEUED", world)).MissionId);
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => Missions.ListAsync("lost", world));
        Assert.Equal("status", e.Field);
        await Missions.CancelAsync(a.Id);
    }
}
