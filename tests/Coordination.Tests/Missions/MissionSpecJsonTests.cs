using Coordination.Client.Missions;
using Coordination.Common;
using Coordination.Missions;

namespace Coordination.Tests.Missions;

public sealed class MissionSpecJsonTests
{
    public const string Example = """
        {
          "id": "restock-aisle-4",
          "worldId": "warehouse",
          "priority": 60,
          "deadline": "2030-05-01T14:30:00Z",
          "tasks": [
            { "kind": "delivery", "requires": ["lift"], "pickup": { "x": 2, "y": 3 }, "dropoff": { "x": 40, "y": 12 } },
            { "kind": "patrol", "places": [ { "x": 5, "y": 5 }, { "x": 20, "y": 5 } ], "rounds": 2 },
            { "kind": "compose", "id": "inspect", "steps": [
                { "kind": "goto", "goal": { "x": 30, "y": 30 }, "requires": ["camera"] },
                { "kind": "charge" }
            ] }
          ]
        }
        """;

    [Fact]
    public void TheDocumentedExampleReads()
    {
        var spec = MissionSpecJson.Parse(Example);
        Assert.Equal("restock-aisle-4", spec.Id);
        Assert.Equal("warehouse", spec.WorldId);
        Assert.Equal(60, spec.Priority);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 14, 30, 0, TimeSpan.Zero), spec.Deadline);
        Assert.Equal([MissionTaskKind.Delivery, MissionTaskKind.Patrol, MissionTaskKind.Compose], spec.Tasks.Select(t => t.Kind));
        Assert.Equal(new GridCell(40, 12), spec.Tasks[0].Dropoff);
        Assert.Equal(["lift"], spec.Tasks[0].Requires!);
        Assert.Equal(2, spec.Tasks[1].Rounds);
        Assert.Equal(MissionTaskKind.Charge, spec.Tasks[2].Steps![1].Kind);
        Assert.Null(spec.Tasks[2].Steps![1].Station);
    }

    [Fact]
    public void FormatThenParseGivesTheSameMission()
    {
        var spec = MissionSpecJson.Parse(Example);
        var again = MissionSpecJson.Parse(MissionSpecJson.Format(spec));
        Assert.Equal(SpecFingerprint.Of(spec), SpecFingerprint.Of(again));
    }

    [Theory]
    [InlineData("""{"id": 5, "worldId": "w", "tasks": []}""", "$.id")]
    [InlineData("""{"worldId": "w", "tasks": []}""", "$.id")]
    [InlineData("""{"id": "m", "tasks": []}""", "$.worldId")]
    [InlineData("""{"id": "m", "worldId": "w", "priority": "high", "tasks": []}""", "$.priority")]
    [InlineData("""{"id": "m", "worldId": "w", "priority": 1.5, "tasks": []}""", "$.priority")]
    [InlineData("""{"id": "m", "worldId": "w", "deadline": "tomorrow", "tasks": []}""", "$.deadline")]
    [InlineData("""{"id": "m", "worldId": "w", "deadline": "2030-05-01T14:30:00", "tasks": []}""", "$.deadline")]
    [InlineData("""{"id": "m", "worldId": "w"}""", "$.tasks")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": {}}""", "$.tasks")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [], "colour": "red"}""", "$.colour")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [7]}""", "$.tasks[0]")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"goal": {"x": 1, "y": 1}}]}""", "$.tasks[0].kind")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "fly"}]}""", "$.tasks[0].kind")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "goel": {"x": 1, "y": 1}}]}""", "$.tasks[0].goel")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "goal": [1, 1]}]}""", "$.tasks[0].goal")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "goal": {"x": 1}}]}""", "$.tasks[0].goal.y")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "goal": {"x": 1, "y": 1, "z": 0}}]}""", "$.tasks[0].goal.z")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto"}, {"kind": "delivery", "dropoff": {"x": 2.5, "y": 1}}]}""", "$.tasks[1].dropoff.x")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "requires": "lift"}]}""", "$.tasks[0].requires")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "goto", "requires": ["lift", 3]}]}""", "$.tasks[0].requires[1]")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "patrol", "places": {"x": 1}}]}""", "$.tasks[0].places")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "patrol", "places": [{"x": 1, "y": 1}, {"x": "a", "y": 1}]}]}""", "$.tasks[0].places[1].x")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "patrol", "rounds": "two"}]}""", "$.tasks[0].rounds")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "compose", "steps": [{"kind": "goto", "goal": {"x": 1, "y": true}}]}]}""", "$.tasks[0].steps[0].goal.y")]
    [InlineData("""{"id": "m", "worldId": "w", "tasks": [{"kind": "compose", "steps": "goto"}]}""", "$.tasks[0].steps")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{"id": "m", """, "$")]
    public void EveryBadFieldIsNamedByItsPath(string json, string path)
    {
        var e = Assert.Throws<CoordinationValidationException>(() => MissionSpecJson.Parse(json));
        Assert.Equal(path, e.Field);
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllProblemsAreListedInTheMessage()
    {
        var e = Assert.Throws<CoordinationValidationException>(() => MissionSpecJson.Parse("""{"id": 1, "worldId": 2, "tasks": [{"kind": "x"}]}"""));
        Assert.Equal("$.id", e.Field);
        Assert.Contains("$.worldId: must be a string", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.tasks[0].kind:", e.Message, StringComparison.Ordinal);
    }
}
