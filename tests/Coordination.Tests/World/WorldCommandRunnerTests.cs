using Coordination.Client.World;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class WorldCommandRunnerTests(WorldClusterFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("world-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private WorldCommandRunner Runner => new(new WorldClient(fixture.Client), _out, _err);

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public async Task UploadShowAndObstacles()
    {
        var id = TestKeys.New("world");
        var map = Path.Combine(_dir, "wall.map");
        await File.WriteAllTextAsync(map, TestMaps.Wall, TestContext.Current.CancellationToken);
        Assert.Equal(0, await Runner.UploadAsync(id, map, json: false, TestContext.Current.CancellationToken));
        Assert.Contains("map wall.map 6x4 uploaded as version 1", _out.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await Runner.AddObstacleAsync(id, "3,1", 60, "operator", json: false));
        Assert.Equal(0, await Runner.ShowAsync(id, json: false, drawMap: true));
        Assert.Contains("obstacles: 1", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("..@O..", _out.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await Runner.RemoveObstacleAsync(id, "3,1", json: true));
        Assert.Equal(1, await Runner.RemoveObstacleAsync(id, "3,1", json: false));
        Assert.Equal(string.Empty, _err.ToString());
    }

    [Fact]
    public async Task BadInputExitsTwoWithOneLineNamingTheProblem()
    {
        var id = TestKeys.New("world");
        var bad = Path.Combine(_dir, "bad.map");
        await File.WriteAllTextAsync(bad, "type octile\nheight 2\nwidth 2\nmap\n..\n.\n", TestContext.Current.CancellationToken);
        Assert.Equal(2, await Runner.UploadAsync(id, bad, json: false, TestContext.Current.CancellationToken));
        Assert.Equal("coord: bad.map:6: row 1 has 1 cells, expected 2", _err.ToString().Trim());

        _err.GetStringBuilder().Clear();
        Assert.Equal(2, await Runner.UploadAsync(id, Path.Combine(_dir, "missing.map"), json: false, TestContext.Current.CancellationToken));
        Assert.StartsWith($"coord: {Path.Combine(_dir, "missing.map")}: cannot read the file", _err.ToString(), StringComparison.Ordinal);

        _err.GetStringBuilder().Clear();
        Assert.Equal(2, await Runner.AddObstacleAsync(id, "three,1", null, "operator", json: false));
        Assert.StartsWith("coord: --cell: expected X,Y", _err.ToString(), StringComparison.Ordinal);

        _err.GetStringBuilder().Clear();
        Assert.Equal(1, await Runner.ShowAsync(id, json: false, drawMap: false));
        Assert.Contains("has no map", _err.ToString(), StringComparison.Ordinal);
    }
}
