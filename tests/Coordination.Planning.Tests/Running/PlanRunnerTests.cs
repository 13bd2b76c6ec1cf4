using System.Text.Json;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Running;

namespace Coordination.Planning.Tests.Running;

public sealed class PlanRunnerTests : IDisposable
{
    private const string MapText = "type octile\nheight 3\nwidth 5\nmap\n.....\n.@@@.\n.....\n";
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Row(int sx, int sy, int gx, int gy) => $"0\tm.map\t5\t3\t{sx}\t{sy}\t{gx}\t{gy}\t4";

    private (int Code, string Out, string Err) Run(string scenText, int agents, string mapText = MapText, string? outName = null)
    {
        var map = _files.Write("m.map", mapText);
        var scen = _files.Write("m.scen", scenText);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = PlanRunner.Run(
            new PlanArguments(map, scen, agents, 5, outName is null ? null : _files.PathOf(outName)),
            stdout,
            stderr,
            TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void SolvedInstanceWritesTheContractJsonToStdout()
    {
        var (code, stdout, stderr) = Run($"version 1\n{Row(0, 0, 4, 2)}\n{Row(4, 2, 0, 0)}\n{Row(2, 0, 2, 2)}\n", 2);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("m.map", root.GetProperty("map").GetString());
        Assert.Equal("m.scen", root.GetProperty("scen").GetString());
        Assert.Equal(2, root.GetProperty("agents").GetInt32());
        Assert.True(root.GetProperty("solved").GetBoolean());
        Assert.True(root.GetProperty("runtimeMs").GetDouble() >= 0);
        Assert.Equal(12, root.GetProperty("lowerBound").GetInt32());

        var paths = root.GetProperty("paths").EnumerateArray()
            .Select(p => p.EnumerateArray().Select(xy => (xy[0].GetInt32(), xy[1].GetInt32())).ToArray())
            .ToArray();
        Assert.Equal(2, paths.Length);
        Assert.Equal((0, 0), paths[0][0]);
        Assert.Equal((4, 2), paths[0][^1]);
        Assert.Equal((4, 2), paths[1][0]);
        Assert.Equal((0, 0), paths[1][^1]);
        Assert.Equal(paths.Sum(p => p.Length - 1), root.GetProperty("sumOfCosts").GetInt32());
        Assert.Equal(paths.Max(p => p.Length - 1), root.GetProperty("makespan").GetInt32());

        var map = MovingAiMap.Parse(MapText);
        var cellPaths = paths.Select(p => p.Select(xy => map.ToCell(xy.Item1, xy.Item2)).ToArray()).ToArray();
        Assert.Null(IndependentPlanChecker.FirstProblem(map, [0, 14], [14, 0], cellPaths));
    }

    [Fact]
    public void OutOptionWritesTheFileAndNothingToStdout()
    {
        var (code, stdout, _) = Run($"version 1\n{Row(0, 0, 4, 0)}\n", 1, outName: "plan.json");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(_files.PathOf("plan.json")));
        Assert.Equal(4, doc.RootElement.GetProperty("sumOfCosts").GetInt32());
    }

    [Fact]
    public void UnsolvableInstanceExitsThreeWithSolvedFalse()
    {
        var (code, stdout, stderr) = Run("version 1\n0\tm.map\t5\t1\t0\t0\t1\t0\t1\n0\tm.map\t5\t1\t1\t0\t0\t0\t1\n", 2, "type octile\nheight 1\nwidth 5\nmap\n..@..\n");
        Assert.Equal("", stderr);
        Assert.Equal(3, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("solved").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("paths").GetArrayLength());
    }

    [Theory]
    [InlineData("version 2\n", 1, ":1:")]
    [InlineData("version 1\n0\tm.map\t5\t3\t0\t0\n", 1, "m.scen:2:")]
    [InlineData("version 1\n0\tm.map\t5\t3\t1\t1\t4\t2\t4\n", 1, "m.scen:2: start (1,1) is on a blocked cell")]
    [InlineData("version 1\n0\tm.map\t5\t3\t0\t0\t4\t2\t4\n", 2, "m.scen:3: 2 agents requested but the file has only 1")]
    public void BadScenExitsTwoWithOneLineNamingFileAndLine(string scen, int agents, string expected)
    {
        var (code, stdout, stderr) = Run(scen, agents);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void BadMapExitsTwoNamingFileAndLine()
    {
        var (code, _, stderr) = Run($"version 1\n{Row(0, 0, 4, 2)}\n", 1, "type octile\nheight 3\nwidth 5\nmap\n.....\n.@@.\n.....\n");
        Assert.Equal(2, code);
        Assert.Contains("m.map:6: row 1 has 4 cells", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileAndBadOptionsExitTwo()
    {
        var stderr = new StringWriter();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(2, PlanRunner.Run(new PlanArguments(_files.PathOf("none.map"), "x.scen", 1), TextWriter.Null, stderr, ct));
        Assert.Contains("none.map:0: cannot read", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, PlanRunner.Run(new PlanArguments("a.map", "a.scen", 0), TextWriter.Null, stderr, ct));
        Assert.Equal(2, PlanRunner.Run(new PlanArguments("a.map", "a.scen", 1, -1), TextWriter.Null, stderr, ct));
        Assert.Contains("--time-limit", stderr.ToString(), StringComparison.Ordinal);
    }
}
