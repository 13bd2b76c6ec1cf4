using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.World;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class MapUploadTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    [Fact]
    public async Task AMapIsParsedSplitIntoRegionsAndVersioned()
    {
        var id = TestKeys.New("world");
        var first = await World.UploadMapAsync(id, TestMaps.Open(20, 10), "floor.map");
        Assert.Equal((20, 10, 1L, "floor.map", 200), (first.Width, first.Height, first.MapVersion, first.MapName, first.PassableCells));

        // 20x10 in regions of 8: 3 columns, 2 rows; the last column and row are partial.
        Assert.Equal(6, first.Regions.Count);
        Assert.Equal(new WorldRegion(WorldKeys.Region(id, 1, 2, 1), 16, 8, 4, 2), first.Regions[^1]);

        var second = await World.UploadMapAsync(id, TestMaps.Wall, "wall.map");
        Assert.Equal(2L, second.MapVersion);
        var snapshot = await World.GetMapSnapshotAsync(id);
        Assert.Equal("..@...", snapshot.Rows[0]);
        Assert.Equal(21, snapshot.Info.PassableCells);
    }

    [Theory]
    [InlineData("type octile\nheight 2\nwidth 3\nmap\n...\n..\n", "bad.map:6", "row 1 has 2 cells, expected 3")]
    [InlineData("type octile\nheight 2\nwidth 3\nmap\n...\n.x.\n", "bad.map:6", "unknown cell 'x' at column 1")]
    [InlineData("version 1\nheight 2\nwidth 3\nmap\n...\n...\n", "bad.map:1", "expected 'type octile'")]
    [InlineData("type octile\nheight 2\nwidth 3\nmap\n@@@\n@@@\n", "bad.map:0", "no passable cell")]
    public async Task ABadMapIsRejectedNamingTheLineAndChangesNothing(string text, string field, string problem)
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(4, 4), "good.map");
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.UploadMapAsync(id, text, "maps/bad.map"));
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        var info = await World.GetInfoAsync(id);
        Assert.Equal((1L, "good.map"), (info!.MapVersion, info.MapName));
    }

    [Fact]
    public async Task AWorldWithoutAMapSaysSo()
    {
        var id = TestKeys.New("world");
        Assert.Null(await World.GetInfoAsync(id));
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.AddObstacleAsync(id, new GridCell(0, 0)));
        Assert.Equal("worldId", e.Field);
        Assert.Contains("has no map", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadWorldIdsAndCellsAreRejectedByName()
    {
        var bad = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.UploadMapAsync("a/b", TestMaps.Open(2, 2)));
        Assert.Equal("worldId", bad.Field);

        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Wall, "wall.map");
        var outside = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.AddObstacleAsync(id, new GridCell(6, 0)));
        Assert.Equal(("cell", "(6,0) is outside the 6x4 map"), (outside.Field, outside.Problem));
        var wall = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.AddObstacleAsync(id, new GridCell(2, 0)));
        Assert.Equal("cell", wall.Field);
        var ttl = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.AddObstacleAsync(id, new GridCell(1, 0), TimeSpan.Zero));
        Assert.Equal("ttl", ttl.Field);
    }
}
