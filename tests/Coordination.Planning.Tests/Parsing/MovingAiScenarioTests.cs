using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Scenarios;

namespace Coordination.Planning.Tests.Parsing;

public sealed class MovingAiScenarioTests
{
    private static readonly GridMap Map = MovingAiMap.Parse("type octile\nheight 3\nwidth 4\nmap\n....\n.@..\n....\n", "m.map");

    private static string Row(int sx, int sy, int gx, int gy) => $"0\tm.map\t4\t3\t{sx}\t{sy}\t{gx}\t{gy}\t3.5";

    [Fact]
    public void ParsesRowsAndResolvesCells()
    {
        var scen = MovingAiScenario.Parse($"version 1\n{Row(0, 0, 3, 2)}\n{Row(3, 0, 0, 2)}\n", "s.scen");
        Assert.Equal(2, scen.Agents.Count);
        Assert.Equal(3, scen.Agents[1].Line);
        Assert.Equal(3.5, scen.Agents[0].OptimalLength);
        var (starts, goals) = scen.Resolve(Map, 2);
        Assert.Equal([0, 3], starts);
        Assert.Equal([11, 8], goals);
    }

    [Fact]
    public void AcceptsWindowsLineEndingsAndTrailingBlankLines()
    {
        var scen = MovingAiScenario.Parse($"version 1\r\n{Row(0, 0, 3, 2)}\r\n\r\n");
        Assert.Single(scen.Agents);
    }

    [Theory]
    [InlineData("version 2\n", 1, "version 1")]
    [InlineData("", 1, "version 1")]
    [InlineData("version 1\n0\tm.map\t4\t3\t0\t0\t3\n", 2, "9 tab-separated fields")]
    [InlineData("version 1\n0 m.map 4 3 0 0 3 2 3.5\n", 2, "9 tab-separated fields")]
    [InlineData("version 1\n0\tm.map\t4\t3\tx\t0\t3\t2\t3.5\n", 2, "start_x must be an integer")]
    [InlineData("version 1\n0\tm.map\t4\t3\t0\t0\t3\t2\tfar\n", 2, "optimal_length")]
    public void BadScenNamesFileAndLine(string text, int line, string problem)
    {
        var e = Assert.Throws<MapFormatException>(() => MovingAiScenario.Parse(text, "bad.scen"));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"bad.scen:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 3, 2, "start (1,1) is on a blocked cell")]
    [InlineData(0, 0, 1, 1, "goal (1,1) is on a blocked cell")]
    [InlineData(4, 0, 3, 2, "start (4,0) is outside the 4x3 map")]
    [InlineData(0, 0, 0, -1, "goal (0,-1) is outside")]
    [InlineData(3, 0, 0, 2, "start (3,0) is also the start on line 2")]
    public void BadAgentNamesTheLine(int sx, int sy, int gx, int gy, string problem)
    {
        var scen = MovingAiScenario.Parse($"version 1\n{Row(3, 0, 3, 2)}\n{Row(sx, sy, gx, gy)}\n", "s.scen");
        var e = Assert.Throws<MapFormatException>(() => scen.Resolve(Map, 2));
        Assert.Equal(3, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyAgentsNamesTheFileAndTheLineAfterTheLast()
    {
        var scen = MovingAiScenario.Parse($"version 1\n{Row(0, 0, 3, 2)}\n", "s.scen");
        var e = Assert.Throws<MapFormatException>(() => scen.Resolve(Map, 2));
        Assert.Equal("s.scen:3: 2 agents requested but the file has only 1", e.Message);
    }

    [Fact]
    public void RowForAnotherMapSizeIsRejected()
    {
        var scen = MovingAiScenario.Parse("version 1\n0\tm.map\t8\t8\t0\t0\t3\t2\t3.5\n", "s.scen");
        var e = Assert.Throws<MapFormatException>(() => scen.Resolve(Map, 1));
        Assert.Equal(2, e.Line);
        Assert.Contains("8x8", e.Message, StringComparison.Ordinal);
    }
}
