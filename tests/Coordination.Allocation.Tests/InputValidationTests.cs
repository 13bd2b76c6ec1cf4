using Coordination.Missions.Allocation;

namespace Coordination.Allocation.Tests;

/// <summary>Every bad input is rejected with the JSON path of the offending field, through the runner (exit 2).</summary>
public sealed class InputValidationTests
{
    private const string Robot = """{"id": "r0", "x": 1, "y": 1, "capabilities": ["lift"], "batteryPercent": 80, "available": true}""";
    private const string Task = """{"id": "t0", "x": 2, "y": 3, "requires": [], "priority": 1, "energyPercent": 5}""";
    private const string Map4 = "type octile\nheight 4\nwidth 4\nmap\n....\n.@..\n....\n....\n";

    public static TheoryData<string, string> BadInputs => new()
    {
        { "[]", "$: must be an object" },
        { """{"tasks": []}""", "$.robots: is required" },
        { """{"robots": []}""", "$.tasks: is required" },
        { """{"robots": {}, "tasks": []}""", "$.robots: must be an array" },
        { """{"robots": [], "tasks": [], "colour": 1}""", "$.colour: unknown field" },
        { """{"robots": [], "tasks": [], "reserveBatteryPercent": 120}""", "$.reserveBatteryPercent: must be between 0 and 100" },
        { """{"robots": [], "tasks": [], "reserveBatteryPercent": "20"}""", "$.reserveBatteryPercent: must be a number" },
        { $$"""{"robots": [{{Robot}}, 7], "tasks": []}""", "$.robots[1]: must be an object" },
        { $$"""{"robots": [{{Robot}}, {{Robot}}], "tasks": []}""", "$.robots[1].id: duplicate robot id 'r0' (first at $.robots[0])" },
        { """{"robots": [{"x": 1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].id: is required" },
        { """{"robots": [{"id": "", "x": 1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].id: must be a non-empty string" },
        { """{"robots": [{"id": 5, "x": 1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].id: must be a string" },
        { """{"robots": [{"id": "r", "x": 1.5, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].x: must be an integer" },
        { """{"robots": [{"id": "r", "x": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].y: is required" },
        { """{"robots": [{"id": "r", "x": -1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].x: must be between 0 and 1000000" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 100.5, "available": true}], "tasks": []}""", "$.robots[0].batteryPercent: must be between 0 and 100" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "available": true}], "tasks": []}""", "$.robots[0].batteryPercent: is required" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50}], "tasks": []}""", "$.robots[0].available: is required" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": "yes"}], "tasks": []}""", "$.robots[0].available: must be true or false" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": true, "capabilities": "lift"}], "tasks": []}""", "$.robots[0].capabilities: must be an array of strings" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": true, "capabilities": ["lift", 3]}], "tasks": []}""", "$.robots[0].capabilities[1]: must be a string" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": true, "capabilities": [""]}], "tasks": []}""", "$.robots[0].capabilities[0]: must be a non-empty string" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": true, "speed": 2}], "tasks": []}""", "$.robots[0].speed: unknown field" },
        { """{"robots": [{"id": "r", "id": "s", "x": 1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0].id: duplicate field" },
        { $$"""{"robots": [], "tasks": [{{Task}}, {{Task}}]}""", "$.tasks[1].id: duplicate task id 't0' (first at $.tasks[0])" },
        { """{"robots": [], "tasks": [{"id": "t", "y": 1}]}""", "$.tasks[0].x: is required" },
        { """{"robots": [], "tasks": [{"id": "t", "x": 1, "y": 1, "priority": 1.5}]}""", "$.tasks[0].priority: must be an integer" },
        { """{"robots": [], "tasks": [{"id": "t", "x": 1, "y": 1, "energyPercent": -1}]}""", "$.tasks[0].energyPercent: must be between 0 and 100" },
        { """{"robots": [], "tasks": [{"id": "t", "x": 1, "y": 1, "requires": [null]}]}""", "$.tasks[0].requires[0]: must be a string" },
        { """{"robots": [], "tasks": [{"id": "t", "x": 1, "y": 1, "deadline": 3}]}""", "$.tasks[0].deadline: unknown field" },
        { """{"robots": [], "tasks": ["t"]}""", "$.tasks[0]: must be an object" },
        { """{"robots": [], "tasks": [], }""", "$: invalid JSON at line 1" },
    };

    public static TheoryData<string, string> BadOnTheMap => new()
    {
        { """{"robots": [], "tasks": [{"id": "t", "x": 4, "y": 0}]}""", "$.tasks[0].x: outside the 4x4 map" },
        { """{"robots": [], "tasks": [{"id": "t", "x": 0, "y": 9}]}""", "$.tasks[0].y: outside the 4x4 map" },
        { """{"robots": [{"id": "r", "x": 1, "y": 1, "batteryPercent": 50, "available": true}], "tasks": []}""", "$.robots[0]: cell (1, 1) is blocked on m.map" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputIsRejectedWithItsJsonPath(string json, string expected) => AssertRejected(json, null, expected);

    [Theory]
    [MemberData(nameof(BadOnTheMap))]
    public void CellsAreCheckedAgainstTheMap(string json, string expected) => AssertRejected(json, Map4, expected);

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        const string json = """
            {"robots": [{"id": "r", "x": "1", "y": 1, "batteryPercent": 500, "available": true}],
             "tasks": [{"id": "t", "x": 1, "y": 1, "energyPercent": 101, "what": 0}], "reserveBatteryPercent": -3}
            """;

        var e = Assert.Throws<AllocationInputException>(() => AllocationJson.ReadProblem(json));

        Assert.Equal(
            [
                "$.reserveBatteryPercent: must be between 0 and 100",
                "$.robots[0].batteryPercent: must be between 0 and 100",
                "$.robots[0].x: must be an integer, found a string",
                "$.tasks[0].energyPercent: must be between 0 and 100",
                "$.tasks[0].what: unknown field (expected one of id, x, y, requires, priority, energyPercent)",
            ],
            e.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CodeBuiltProblemsAreValidatedToo()
    {
        var problem = new AllocationProblem([new RobotSnapshot("r", 0, 0, [], 150, true)], [new ReadyTask("t", 0, 0, [], 0, 0)], 0);

        var e = Assert.Throws<AllocationInputException>(() => TaskAllocator.Solve(problem));

        Assert.Equal(["$.robots[0].batteryPercent: must be between 0 and 100"], e.Errors);
    }

    [Fact]
    public void AnUnreadableInputNamesTheFile()
    {
        using var files = new TempFiles();
        var missing = files.PathOf("missing.json");
        var stderr = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(missing), new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith($"coord dispatch solve: {missing}: cannot read the file", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type octile\nheight 2\nwidth 2\nmap\n..\n.x\n", 6)]
    [InlineData("type octile\nheight 3\nwidth 2\nmap\n..\n..\n", 7)]
    [InlineData("type octile\nheight 2\nwidth 2\nmapp\n..\n..\n", 4)]
    public void ABadMapNamesTheFileAndLine(string map, int line)
    {
        using var files = new TempFiles();
        var mapPath = files.Write("bad.map", map);
        var input = files.Write("in.json", """{"robots": [], "tasks": []}""");
        var stderr = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(input, mapPath), new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith($"coord dispatch solve: {mapPath}:{line}: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingMapNamesTheFile()
    {
        using var files = new TempFiles();
        var input = files.Write("in.json", """{"robots": [], "tasks": []}""");
        var stderr = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(input, files.PathOf("none.map")), new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("none.map:0: cannot read the file", stderr.ToString(), StringComparison.Ordinal);
    }

    private static void AssertRejected(string json, string? map, string expected)
    {
        using var files = new TempFiles();
        var input = files.Write("in.json", json);
        var mapPath = map is null ? null : files.Write("m.map", map);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(input, mapPath), stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains($"coord dispatch solve: {input}: {expected}", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }
}
