using Coordination.Client.Missions;
using Coordination.Common;
using Coordination.Missions;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Missions;

[Collection(MissionClusterCollection.Name)]
public sealed class MissionCommandRunnerTests(MissionClusterFixture fixture)
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private MissionCommandRunner Runner() => new(new MissionsClient(fixture.Client), _out, _err);

    private static string Json(string id, string world, string goal) =>
        $$"""{"id": "{{id}}", "worldId": "{{world}}", "priority": 5, "tasks": [{"kind": "goto", "goal": {{goal}}}]}""";

    [Fact]
    public async Task ABadFieldExitsTwoNamingTheFileAndThePath()
    {
        var exit = await Runner().SubmitAsync(Json(TestKeys.New("m"), MissionClusterFixture.WalledWorld, """{"x": 3, "y": 99}"""), "mission.json", watch: false, asJson: false, TestContext.Current.CancellationToken);
        Assert.Equal(MissionCommandRunner.BadInput, exit);
        Assert.StartsWith("coord: mission.json: $.tasks[0].goal.y: 99 is outside the 12x8 map", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _out.ToString());

        exit = await Runner().SubmitAsync("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "goal": {"x": "3", "y": 1}}]}""", "m.yaml", false, false, TestContext.Current.CancellationToken);
        Assert.Equal(MissionCommandRunner.BadInput, exit);
        Assert.Contains("coord: m.yaml: $.tasks[0].goal.x: must be an integer", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWatchStatusListAndCancel()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = TestKeys.New("world");
        await using var robot = await TestRobot.StartAsync(fixture.Client, TestKeys.New("robot"), world, new GridCell(0, 0));
        var id = TestKeys.New("m");

        Assert.Equal(MissionCommandRunner.Ok, await Runner().SubmitAsync(Json(id, world, """{"x": 4, "y": 2}"""), "m.json", watch: true, asJson: false, ct));
        var text = _out.ToString();
        Assert.Contains($"mission {id} in world {world}: queued", text, StringComparison.Ordinal);
        Assert.Contains("task-completed", text, StringComparison.Ordinal);
        Assert.Contains($"mission {id} completed", text, StringComparison.Ordinal);

        _out.GetStringBuilder().Clear();
        Assert.Equal(MissionCommandRunner.Ok, await Runner().StatusAsync(id, history: true, asJson: true));
        Assert.Contains("\"status\": \"completed\"", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"taskCompleted\"", _out.ToString(), StringComparison.Ordinal);

        robot.Hold = true;
        var second = TestKeys.New("m");
        Assert.Equal(MissionCommandRunner.Ok, await Runner().SubmitAsync(Json(second, world, """{"x": 1, "y": 1}"""), "m.json", false, false, ct));
        _out.GetStringBuilder().Clear();
        Assert.Equal(MissionCommandRunner.Ok, await Runner().CancelAsync(second, "test", asJson: false));
        Assert.Contains("cancelled (test)", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(MissionCommandRunner.Failed, await Runner().WatchAsync(second, asJson: true, ct));

        _out.GetStringBuilder().Clear();
        await Eventually.Until(async () =>
        {
            _out.GetStringBuilder().Clear();
            await Runner().ListAsync(null, world, 10, asJson: false);
            return _out.ToString();
        }, t => t.Contains("2 mission(s)", StringComparison.Ordinal), "both missions listed");
        Assert.Contains(id, _out.ToString(), StringComparison.Ordinal);

        Assert.Equal(MissionCommandRunner.BadInput, await Runner().ListAsync("lost", null, 10, false));
        Assert.Contains("coord: --status:", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal(MissionCommandRunner.BadInput, await Runner().StatusAsync(TestKeys.New("nobody"), false, false));
        Assert.Equal(MissionCommandRunner.BadInput, await Runner().CancelAsync(TestKeys.New("nobody"), null, false));
        Assert.Equal(MissionCommandRunner.BadInput, await Runner().WatchAsync(TestKeys.New("nobody"), false, ct));
    }
}
