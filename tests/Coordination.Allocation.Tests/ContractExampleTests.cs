using System.Text.Json;
using Coordination.Missions.Allocation;

namespace Coordination.Allocation.Tests;

/// <summary>The examples of <c>/work/shared/contracts/dispatch.md</c>, end to end through the runner.</summary>
public sealed class ContractExampleTests
{
    private const string ContractInput = """
        {
          "robots": [{"id": "amr-7", "x": 3, "y": 4, "capabilities": ["lift"], "batteryPercent": 72.5, "available": true}],
          "tasks":  [{"id": "t-19", "x": 10, "y": 2, "requires": ["lift"], "priority": 1, "energyPercent": 8.0},
                     {"id": "t-20", "x": 1, "y": 1, "requires": ["arm"], "priority": 1, "energyPercent": 1.0}],
          "reserveBatteryPercent": 20.0
        }
        """;

    [Fact]
    public void TheContractExampleGivesTheContractOutput()
    {
        using var files = new TempFiles();
        var input = files.Write("input.json", ContractInput);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(input), stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        using var output = JsonDocument.Parse(stdout.ToString());
        var root = output.RootElement;
        Assert.Equal(["assignments", "unassigned", "totalCost", "runtimeMs"], root.EnumerateObject().Select(p => p.Name));
        var assignment = Assert.Single(root.GetProperty("assignments").EnumerateArray());
        Assert.Equal(["robot", "task", "cost"], assignment.EnumerateObject().Select(p => p.Name));
        Assert.Equal("amr-7", assignment.GetProperty("robot").GetString());
        Assert.Equal("t-19", assignment.GetProperty("task").GetString());
        Assert.Equal(9, assignment.GetProperty("cost").GetInt32());
        Assert.Equal(["t-20"], root.GetProperty("unassigned").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(9, root.GetProperty("totalCost").GetInt64());
        Assert.True(root.GetProperty("runtimeMs").GetDouble() >= 0);
    }

    [Fact]
    public void OutGoesToTheFileAndASummaryToStdout()
    {
        using var files = new TempFiles();
        var input = files.Write("input.json", ContractInput);
        var output = files.PathOf("plan.json");
        var stdout = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(input, OutPath: output), stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("assigned 1 of 2 tasks, total cost 9", stdout.ToString(), StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(9, plan.RootElement.GetProperty("totalCost").GetInt64());
    }

    [Fact]
    public void WithAMapCostsAreShortestPathsAroundWalls()
    {
        // Robot at (0,0), task at (2,0), a wall at x=1 except at the bottom row: 2 + 2 + 2 = 6 steps, not 2.
        const string map = "type octile\nheight 3\nwidth 3\nmap\n.@.\n.@.\n...\n";
        const string input = """
            {"robots": [{"id": "r", "x": 0, "y": 0, "batteryPercent": 50, "available": true}],
             "tasks": [{"id": "t", "x": 2, "y": 0}]}
            """;
        using var files = new TempFiles();
        var stdout = new StringWriter();

        var exit = DispatchRunner.Run(new DispatchSolveArgs(files.Write("in.json", input), files.Write("m.map", map)), stdout, new StringWriter());

        Assert.Equal(0, exit);
        using var output = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(6, output.RootElement.GetProperty("totalCost").GetInt64());
    }

    [Fact]
    public void AProblemRoundTripsThroughItsJson()
    {
        var problem = AllocationJson.ReadProblem(ContractInput);
        var again = AllocationJson.ReadProblem(AllocationJson.WriteProblem(problem));

        Assert.Equal(problem.ReserveBatteryPercent, again.ReserveBatteryPercent);
        Assert.Equal(problem.Robots.Select(Describe), again.Robots.Select(Describe));
        Assert.Equal(problem.Tasks.Select(Describe), again.Tasks.Select(Describe));
    }

    private static string Describe(RobotSnapshot r) => $"{r.Id} {r.X} {r.Y} {string.Join(",", r.Capabilities)} {r.BatteryPercent} {r.Available}";

    private static string Describe(ReadyTask t) => $"{t.Id} {t.X} {t.Y} {string.Join(",", t.Requires)} {t.Priority} {t.EnergyPercent}";
}
