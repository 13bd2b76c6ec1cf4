using Coordination.Client.Missions;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Missions;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Missions;

[Collection(MissionClusterCollection.Name)]
public sealed class DispatchTests(MissionClusterFixture fixture)
{
    private MissionsClient Missions => new(fixture.Client);

    private IDispatcherGrain Dispatcher(string world) => fixture.Client.GetGrain<IDispatcherGrain>(world);

    private async Task<MissionSnapshot> EndOf(string id)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Eventually.Deadline);
        return await Missions.WaitForEndAsync(id, cts.Token);
    }

    private Task<MissionSnapshot> TaskState(string id, Func<MissionTaskSnapshot, bool> done, string what) =>
        Eventually.Until(async () => (await Missions.GetStatusAsync(id))!, s => done(s.Tasks[0]), what);

    [Fact]
    public async Task OnlyARobotWithTheRequiredCapabilityTakesTheTaskEvenWhenAnotherIsNearer()
    {
        var world = TestKeys.New("world");
        await using var near = await TestRobot.StartAsync(fixture.Client, TestKeys.New("near"), world, new GridCell(2, 2), 90, "camera");
        await using var far = await TestRobot.StartAsync(fixture.Client, TestKeys.New("far"), world, new GridCell(60, 60), 90, "lift", "camera");
        var spec = Specs.Delivery(world, new GridCell(3, 2), new GridCell(10, 10), 10, "lift");
        await Missions.SubmitAsync(spec);

        var end = await EndOf(spec.Id);
        Assert.Equal(MissionStatus.Completed, end.Status);
        Assert.Equal(far.RobotId, end.Tasks[0].RobotId);
        Assert.DoesNotContain(near.Received, c => c.Kind == RobotCommandKind.Assign);
    }

    [Fact]
    public async Task AHigherPriorityMissionGoesFirst()
    {
        var world = TestKeys.New("world");
        await using var robot = await TestRobot.StartAsync(fixture.Client, TestKeys.New("robot"), world, new GridCell(0, 0));
        robot.IdleStatus = RobotStatus.Charging;
        robot.Hold = true;
        await Eventually.Until(() => Dispatcher(world).GetSnapshot(), s => s.Robots.Any(r => r.Status == RobotStatus.Charging), "the robot to be busy");

        var low = Specs.GoTo(world, new GridCell(1, 0), priority: 1);
        var high = Specs.GoTo(world, new GridCell(40, 40), priority: 90);
        await Missions.SubmitAsync(low);
        await Missions.SubmitAsync(high);
        await Eventually.Until(() => Dispatcher(world).GetSnapshot(), s => s.Queued.Count == 2, "both tasks in the queue");

        robot.IdleStatus = RobotStatus.Idle;
        await TaskState(high.Id, t => t.Status == MissionTaskStatus.Underway, "the high-priority task to start");
        Assert.Equal(MissionStatus.Queued, (await Missions.GetStatusAsync(low.Id))!.Status);

        robot.Release();
        Assert.Equal(MissionStatus.Completed, (await EndOf(high.Id)).Status);
        await TaskState(low.Id, t => t.Status == MissionTaskStatus.Underway, "the low-priority task to start");
        robot.Release();
        Assert.Equal(MissionStatus.Completed, (await EndOf(low.Id)).Status);
        await Eventually.Until(() => Task.FromResult(robot.Completed), c => c.Count == 2, "the robot to record both completions");
        Assert.Equal([high.Id + "/0", low.Id + "/0"], robot.Completed);
    }

    [Fact]
    public async Task ALowRobotChargesBeforeItTakesWork()
    {
        var world = TestKeys.New("world");
        await using var robot = await TestRobot.StartAsync(fixture.Client, TestKeys.New("robot"), world, new GridCell(5, 5), battery: 24);
        var spec = Specs.GoTo(world, new GridCell(9, 9));
        await Missions.SubmitAsync(spec);

        var end = await EndOf(spec.Id);
        Assert.Equal(MissionStatus.Completed, end.Status);
        Assert.Equal(robot.RobotId, end.Tasks[0].RobotId);
        var assigned = robot.Received.Where(c => c.Kind == RobotCommandKind.Assign && !c.Replayed).Select(c => c.Assignment!).ToList();
        Assert.Equal("charge", assigned[0].Kind);
        Assert.Equal([new GridCell(5, 5)], assigned[0].Waypoints);
        Assert.Equal(spec.Id + "/0", assigned[^1].TaskId);
        var charge = await Missions.GetStatusAsync(assigned[0].MissionId);
        Assert.Equal(MissionStatus.Completed, charge!.Status);
        Assert.StartsWith("charge-", charge.MissionId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTaskOfARobotThatGoesOfflineIsReassigned()
    {
        var world = TestKeys.New("world");
        await using var near = await TestRobot.StartAsync(fixture.Client, TestKeys.New("near"), world, new GridCell(1, 1));
        near.Hold = true;
        await using var far = await TestRobot.StartAsync(fixture.Client, TestKeys.New("far"), world, new GridCell(30, 30));
        var spec = Specs.GoTo(world, new GridCell(2, 2));
        await Missions.SubmitAsync(spec);
        await TaskState(spec.Id, t => t.Status == MissionTaskStatus.Underway && t.RobotId == near.RobotId, "the nearer robot to start");

        near.Silent = true;
        var end = await EndOf(spec.Id);
        Assert.Equal(MissionStatus.Completed, end.Status);
        Assert.Equal(far.RobotId, end.Tasks[0].RobotId);
        Assert.Equal(2, end.Tasks[0].Attempts);
        var history = await Missions.GetHistoryAsync(spec.Id);
        Assert.Contains(history, e => e.Kind == MissionEventKind.TaskRequeued && e.RobotId == near.RobotId);
        await Eventually.Until(() => fixture.Client.GetGrain<IRobotGrain>(near.RobotId).GetCurrentAssignment(), a => a is null, "the offline robot's twin to drop the task");
    }

    [Fact]
    public async Task CancellingAMissionMidFlightReleasesTheRobot()
    {
        var world = TestKeys.New("world");
        await using var robot = await TestRobot.StartAsync(fixture.Client, TestKeys.New("robot"), world, new GridCell(1, 1));
        robot.Hold = true;
        var spec = Specs.Delivery(world, new GridCell(3, 3), new GridCell(9, 9));
        await Missions.SubmitAsync(spec);
        var taskId = (await TaskState(spec.Id, t => t.Status == MissionTaskStatus.Underway, "the task to start")).Tasks[0].TaskId;

        var cancelled = await Missions.CancelAsync(spec.Id, "operator changed plans");
        Assert.Equal(MissionStatus.Cancelled, cancelled.Status);
        Assert.Equal("operator changed plans", cancelled.Reason);
        Assert.Equal(MissionTaskStatus.Cancelled, cancelled.Tasks[0].Status);
        Assert.Equal(MissionStatus.Cancelled, (await Missions.CancelAsync(spec.Id)).Status);

        await Eventually.Until(() => Task.FromResult(robot.Received), r => r.Any(c => c.Kind == RobotCommandKind.Cancel && c.TaskId == taskId), "the robot to be told to drop the task");
        await Eventually.Until(() => fixture.Client.GetGrain<IRobotGrain>(robot.RobotId).GetCurrentAssignment(), a => a is null, "the twin to drop the task");
        await Eventually.Until(() => Dispatcher(world).GetSnapshot(), s => s.InFlight.Count == 0, "the dispatcher to release the robot");

        robot.Hold = false;
        var next = Specs.GoTo(world, new GridCell(4, 4));
        await Missions.SubmitAsync(next);
        var end = await EndOf(next.Id);
        Assert.Equal(MissionStatus.Completed, end.Status);
        Assert.Equal(robot.RobotId, end.Tasks[0].RobotId);
    }

    [Fact]
    public async Task ABurstOfSubmissionsSharesAllocationRounds()
    {
        const int Count = 400;
        var world = TestKeys.New("world");
        await fixture.Client.GetGrain<IDispatcherGrain>(world).RobotUpdated(new RobotSummary(
            TestKeys.New("busy"), "amr", RobotStatus.Charging, [], string.Empty, world, 50, DateTimeOffset.UtcNow, new GridCell(0, 0)));
        var specs = Enumerable.Range(0, Count).Select(i => Specs.GoTo(world, new GridCell(i % 64, i / 64))).ToList();

        await Task.WhenAll(specs.Select(s => Missions.SubmitAsync(s)));
        var snapshot = await Eventually.Until(() => Dispatcher(world).GetSnapshot(), s => s.Queued.Count == Count, "every task in the queue");
        Assert.True(snapshot.Rounds < Count / 2, $"{Count} submissions took {snapshot.Rounds} allocation rounds");

        await Task.WhenAll(specs.Select(s => Missions.CancelAsync(s.Id)));
        await Eventually.Until(() => Dispatcher(world).GetSnapshot(), s => s.Queued.Count == 0, "the queue to empty after cancelling");
    }
}
