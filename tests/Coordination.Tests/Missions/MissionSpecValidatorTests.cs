using Coordination.Common;
using Coordination.Missions;
using Coordination.Planning.Mapf.Grid;
using Microsoft.Extensions.Options;

namespace Coordination.Tests.Missions;

public sealed class MissionSpecValidatorTests
{
    private static readonly MissionsOptions Options = new();
    private static readonly TravelCostCache Costs = new(Microsoft.Extensions.Options.Options.Create(Options));
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static MissionSpec Valid() => new(
        "m-1",
        MissionClusterFixture.WalledWorld,
        50,
        Now.AddHours(1),
        [
            MissionTaskSpec.GoTo(new GridCell(3, 3)),
            MissionTaskSpec.Delivery(new GridCell(1, 1), new GridCell(10, 5), "lift"),
            MissionTaskSpec.Patrol([new GridCell(2, 2), new GridCell(4, 2)], 2),
            MissionTaskSpec.Charge(new GridCell(0, 7)),
            MissionTaskSpec.Compose(MissionTaskSpec.GoTo(new GridCell(5, 5)) with { Id = "first" }, MissionTaskSpec.GoTo(new GridCell(1, 6))),
        ]);

    private static IReadOnlyList<SpecError> Check(MissionSpec? spec, string? key = "m-1", WorldMap? world = null) =>
        MissionSpecValidator.Validate(spec, world ?? MissionClusterFixture.Walled(), Costs, Options, Now, key);

    private static MissionSpec WithTask(int index, Func<MissionTaskSpec, MissionTaskSpec> change)
    {
        var spec = Valid();
        var tasks = spec.Tasks.ToList();
        tasks[index] = change(tasks[index]);
        return spec with { Tasks = tasks };
    }

    private static MissionSpec WithStep(int step, Func<MissionTaskSpec, MissionTaskSpec> change) =>
        WithTask(4, compose =>
        {
            var steps = compose.Steps!.ToList();
            steps[step] = change(steps[step]);
            return compose with { Steps = steps };
        });

    private static MissionSpec Bad(string name) => name switch
    {
        "empty id" => Valid() with { Id = string.Empty },
        "id with a space" => Valid() with { Id = "m 1" },
        "id too long" => Valid() with { Id = new string('m', 129) },
        "no world" => Valid() with { WorldId = " " },
        "priority too high" => Valid() with { Priority = 101 },
        "negative priority" => Valid() with { Priority = -1 },
        "deadline passed" => Valid() with { Deadline = Now.AddSeconds(-1) },
        "no tasks" => Valid() with { Tasks = [] },
        "null task list" => Valid() with { Tasks = null! },
        "too many tasks" => Valid() with { Tasks = [.. Enumerable.Repeat(MissionTaskSpec.GoTo(new GridCell(1, 1)), 257)] },
        "null task" => WithTask(2, _ => null!),
        "unknown kind" => WithTask(0, t => t with { Kind = (MissionTaskKind)99 }),
        "task id starts with a digit" => WithTask(0, t => t with { Id = "1st" }),
        "task id too long" => WithTask(0, t => t with { Id = "t" + new string('x', 64) }),
        "task id with a slash" => WithTask(0, t => t with { Id = "a/b" }),
        "duplicate task id" => WithStep(1, s => s with { Id = "first" }),
        "goal missing" => WithTask(0, t => t with { Goal = null }),
        "goal x outside" => WithTask(0, t => t with { Goal = new GridCell(12, 3) }),
        "goal y outside" => WithTask(0, t => t with { Goal = new GridCell(3, -1) }),
        "goal blocked" => WithTask(0, t => t with { Goal = new GridCell(6, 0) }),
        "goto with a pickup" => WithTask(0, t => t with { Pickup = new GridCell(1, 1) }),
        "pickup missing" => WithTask(1, t => t with { Pickup = null }),
        "dropoff x outside" => WithTask(1, t => t with { Dropoff = new GridCell(40, 5) }),
        "dropoff blocked" => WithTask(1, t => t with { Dropoff = new GridCell(6, 3) }),
        "delivery with rounds" => WithTask(1, t => t with { Rounds = 3 }),
        "empty capability" => WithTask(1, t => t with { Requires = [""] }),
        "capability twice" => WithTask(1, t => t with { Requires = ["lift", "lift"] }),
        "too many capabilities" => WithTask(1, t => t with { Requires = [.. Enumerable.Range(0, 17).Select(i => $"c{i}")] }),
        "no rounds" => WithTask(2, t => t with { Rounds = 0 }),
        "too many rounds" => WithTask(2, t => t with { Rounds = 1001 }),
        "no places" => WithTask(2, t => t with { Places = [] }),
        "place blocked" => WithTask(2, t => t with { Places = [new GridCell(2, 2), new GridCell(6, 1)] }),
        "place y outside" => WithTask(2, t => t with { Places = [new GridCell(2, 2), new GridCell(2, 8)] }),
        "patrol too long" => WithTask(2, t => t with { Places = [new GridCell(2, 2), new GridCell(4, 2)], Rounds = 513 }),
        "patrol with a goal" => WithTask(2, t => t with { Goal = new GridCell(1, 1) }),
        "station outside" => WithTask(3, t => t with { Station = new GridCell(0, 9) }),
        "charge with steps" => WithTask(3, t => t with { Steps = [MissionTaskSpec.GoTo(new GridCell(1, 1))] }),
        "no steps" => WithTask(4, t => t with { Steps = [] }),
        "nested compose" => WithStep(0, _ => MissionTaskSpec.Compose(MissionTaskSpec.GoTo(new GridCell(1, 1)))),
        "step goal outside" => WithStep(1, s => s with { Goal = new GridCell(99, 1) }),
        "null step" => WithStep(1, _ => null!),
        "compose with a station" => WithTask(4, t => t with { Station = new GridCell(0, 7) }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [InlineData("empty id", "$.id")]
    [InlineData("id with a space", "$.id")]
    [InlineData("id too long", "$.id")]
    [InlineData("no world", "$.worldId")]
    [InlineData("priority too high", "$.priority")]
    [InlineData("negative priority", "$.priority")]
    [InlineData("deadline passed", "$.deadline")]
    [InlineData("no tasks", "$.tasks")]
    [InlineData("null task list", "$.tasks")]
    [InlineData("too many tasks", "$.tasks")]
    [InlineData("null task", "$.tasks[2]")]
    [InlineData("unknown kind", "$.tasks[0].kind")]
    [InlineData("task id starts with a digit", "$.tasks[0].id")]
    [InlineData("task id too long", "$.tasks[0].id")]
    [InlineData("task id with a slash", "$.tasks[0].id")]
    [InlineData("duplicate task id", "$.tasks[4].steps[1].id")]
    [InlineData("goal missing", "$.tasks[0].goal")]
    [InlineData("goal x outside", "$.tasks[0].goal.x")]
    [InlineData("goal y outside", "$.tasks[0].goal.y")]
    [InlineData("goal blocked", "$.tasks[0].goal")]
    [InlineData("goto with a pickup", "$.tasks[0].pickup")]
    [InlineData("pickup missing", "$.tasks[1].pickup")]
    [InlineData("dropoff x outside", "$.tasks[1].dropoff.x")]
    [InlineData("dropoff blocked", "$.tasks[1].dropoff")]
    [InlineData("delivery with rounds", "$.tasks[1].rounds")]
    [InlineData("empty capability", "$.tasks[1].requires[0]")]
    [InlineData("capability twice", "$.tasks[1].requires[1]")]
    [InlineData("too many capabilities", "$.tasks[1].requires")]
    [InlineData("no rounds", "$.tasks[2].rounds")]
    [InlineData("too many rounds", "$.tasks[2].rounds")]
    [InlineData("no places", "$.tasks[2].places")]
    [InlineData("place blocked", "$.tasks[2].places[1]")]
    [InlineData("place y outside", "$.tasks[2].places[1].y")]
    [InlineData("patrol too long", "$.tasks[2].places")]
    [InlineData("patrol with a goal", "$.tasks[2].goal")]
    [InlineData("station outside", "$.tasks[3].station.y")]
    [InlineData("charge with steps", "$.tasks[3].steps")]
    [InlineData("no steps", "$.tasks[4].steps")]
    [InlineData("nested compose", "$.tasks[4].steps[0].kind")]
    [InlineData("step goal outside", "$.tasks[4].steps[1].goal.x")]
    [InlineData("null step", "$.tasks[4].steps[1]")]
    [InlineData("compose with a station", "$.tasks[4].station")]
    public void EveryBadFieldIsRejectedWithItsPath(string name, string path)
    {
        Assert.Empty(Check(Valid()));
        var errors = Check(Bad(name));
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Problem));
    }

    [Fact]
    public void TheMapIsNamedInOutOfBoundsErrors()
    {
        var error = Assert.Single(Check(Bad("dropoff x outside")));
        Assert.Equal("$.tasks[1].dropoff.x: 40 is outside the 12x8 map (columns 0 to 11)", error.ToString());
    }

    [Fact]
    public void AMissionSentToAnotherIdIsRejected()
    {
        var error = Assert.Single(Check(Valid(), key: "m-2"));
        Assert.Equal("$.id", error.Path);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceAndTheExceptionNamesTheFirst()
    {
        var spec = WithTask(1, t => t with { Dropoff = new GridCell(40, 5) }) with { Priority = 200 };
        var errors = Check(spec);
        Assert.Equal(["$.priority", "$.tasks[1].dropoff.x"], errors.Select(e => e.Path));
        var e = Assert.Throws<CoordinationValidationException>(() => MissionSpecValidator.ThrowIfInvalid(errors));
        Assert.Equal("$.priority", e.Field);
        Assert.Contains("$.tasks[1].dropoff.x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegsThatCannotBeDrivenAreRejected()
    {
        // Column 2 is a full wall: the right half cannot be reached from the left.
        var passable = Enumerable.Range(0, 25).Select(i => i % 5 != 2).ToArray();
        var world = new WorldMap(new GridMap(5, 5, passable, "split"), []);
        var spec = new MissionSpec("m-1", "split", 1, null,
        [
            MissionTaskSpec.Delivery(new GridCell(0, 0), new GridCell(4, 0)),
            MissionTaskSpec.Patrol([new GridCell(0, 0), new GridCell(1, 4), new GridCell(3, 3)], 1),
        ]);
        var errors = Check(spec, world: world);
        Assert.Equal(["$.tasks[0].dropoff", "$.tasks[1].places[2]"], errors.Select(e => e.Path));
    }

    [Fact]
    public void PlanningGivesEachTaskAnIdAndComposeStepsRunInOrder()
    {
        var tasks = MissionTaskPlanner.Plan(Valid());
        Assert.Equal(["m-1/0", "m-1/1", "m-1/2", "m-1/3", "m-1/first", "m-1/4.1"], tasks.Select(t => t.TaskId));
        Assert.Equal(["$.tasks[0]", "$.tasks[1]", "$.tasks[2]", "$.tasks[3]", "$.tasks[4].steps[0]", "$.tasks[4].steps[1]"], tasks.Select(t => t.Path));
        Assert.Equal(MissionTaskStatus.Waiting, tasks[5].Status);
        Assert.Equal("m-1/first", tasks[5].After);
        Assert.Equal(4, tasks[2].Waypoints.Count);
        Assert.Equal([new GridCell(1, 1), new GridCell(10, 5)], tasks[1].Waypoints);
    }

    [Fact]
    public void TheFingerprintIgnoresHowAnEmptyListOrTheDeadlineIsWritten()
    {
        var spec = Valid();
        var same = spec with
        {
            Deadline = spec.Deadline!.Value.ToOffset(TimeSpan.FromHours(2)),
            Tasks = [spec.Tasks[0] with { Requires = null }, .. spec.Tasks.Skip(1)],
        };
        Assert.Equal(SpecFingerprint.Of(spec), SpecFingerprint.Of(same));
        Assert.NotEqual(SpecFingerprint.Of(spec), SpecFingerprint.Of(spec with { Priority = 51 }));
    }
}
