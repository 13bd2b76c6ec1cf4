using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Tests.Parsing;

public sealed class MovingAiMapTests
{
    private const string Small = "type octile\nheight 3\nwidth 4\nmap\n....\n.@T.\nG.S.\n";

    [Fact]
    public void ParsesCellsAndPassability()
    {
        var map = MovingAiMap.Parse(Small, "small.map");
        Assert.Equal(4, map.Width);
        Assert.Equal(3, map.Height);
        Assert.Equal(10, map.PassableCount);
        Assert.False(map.IsPassable(1, 1));
        Assert.False(map.IsPassable(2, 1));
        Assert.True(map.IsPassable(0, 2));
        Assert.True(map.IsPassable(2, 2));
        Assert.Equal("small.map", map.Name);
    }

    [Fact]
    public void FormatRoundTrips()
    {
        var map = MovingAiMap.Parse(Small);
        var again = MovingAiMap.Parse(MovingAiMap.Format(map));
        Assert.Equal(map.CopyPassability(), again.CopyPassability());
    }

    [Theory]
    [InlineData("typo octile\nheight 1\nwidth 1\nmap\n.\n", 1, "type octile")]
    [InlineData("type octile\nheight 2\nwidth 3\nmap\n...\n..\n", 6, "row 1 has 2 cells")]
    [InlineData("type octile\nheight 1\nwidth 2\nmap\n.x\n", 5, "unknown cell")]
    [InlineData("type octile\nheight 2\nwidth 2\nmap\n..\n", 6, "row 1 has 0 cells")]
    [InlineData("type octile\nheight 2\nwidth 2\nmap\n..", 5, "expected 2 rows")]
    [InlineData("type octile\nheight two\nwidth 2\nmap\n..\n", 2, "height")]
    public void BadMapNamesFileAndLine(string text, int line, string problem)
    {
        var e = Assert.Throws<MapFormatException>(() => MovingAiMap.Parse(text, "bad.map"));
        Assert.Equal("bad.map", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.map:{line}:", e.Message, StringComparison.Ordinal);
    }
}
