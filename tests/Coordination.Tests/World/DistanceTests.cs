using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.World;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class DistanceTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    [Fact]
    public async Task DistancesGoAroundWallsAndObstacles()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Wall, "wall.map");
        var target = new GridCell(3, 0);
        GridCell[] from = [new(0, 0), new(3, 0), new(5, 0), new(2, 3), new(2, 0)];
        Assert.Equal([9, 0, 2, 4, WorldDistances.Unreachable], await World.GetDistancesAsync(id, target, from));

        // Asked again (cached), the same; an obstacle on the way makes the way longer.
        Assert.Equal([9, 0, 2, 4, WorldDistances.Unreachable], await World.GetDistancesAsync(id, target, from));
        await World.AddObstacleAsync(id, new GridCell(3, 2));
        Assert.Equal([11, 0, 2, 6, WorldDistances.Unreachable], await World.GetDistancesAsync(id, target, from));
        await World.RemoveObstacleAsync(id, new GridCell(3, 2));
        Assert.Equal([9, 0, 2, 4, WorldDistances.Unreachable], await World.GetDistancesAsync(id, target, from));
        Assert.Empty(await World.GetDistancesAsync(id, target, []));
    }

    [Fact]
    public async Task CellsOutsideTheMapAreNamed()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Wall, "wall.map");
        var e = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.GetDistancesAsync(id, new GridCell(0, 0), [new(1, 1), new(-1, 0)]));
        Assert.Equal("from[1]", e.Field);
        var t = await Assert.ThrowsAsync<CoordinationValidationException>(() => World.GetDistancesAsync(id, new GridCell(0, 9), []));
        Assert.Equal("target", t.Field);
    }
}
