using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.World;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class WorldVersionTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    [Fact]
    public async Task TheSnapshotVersionIncreasesOnEveryChangeAndOnlyThen()
    {
        var id = TestKeys.New("world");
        var grain = fixture.Client.GetGrain<IWorldModelGrain>(id);
        await World.UploadMapAsync(id, TestMaps.Open(20, 10));
        var versions = new List<long> { (await World.GetSnapshotAsync(id)).Version };
        Assert.Equal(versions[0], (await World.GetSnapshotAsync(id)).Version);

        await World.AddObstacleAsync(id, new GridCell(3, 3));
        versions.Add((await World.GetSnapshotAsync(id)).Version);

        await grain.UpdateRobotPositions([new RobotPosition("r1", new GridCell(1, 1), fixture.Clock.GetUtcNow())]);
        var moved = await Eventually.Get(() => World.GetSnapshotAsync(id), s => s.Robots.Count == 1, "the robot position arrives");
        versions.Add(moved.Version);

        // The same cell again is no change.
        await grain.UpdateRobotPositions([new RobotPosition("r1", new GridCell(1, 1), fixture.Clock.GetUtcNow())]);
        await grain.UpdateRobotPositions([new RobotPosition("r2", new GridCell(2, 2), fixture.Clock.GetUtcNow())]);
        var second = await Eventually.Get(() => World.GetSnapshotAsync(id), s => s.Robots.Count == 2, "the second robot arrives");
        Assert.Equal(moved.Version + 1, second.Version);
        versions.Add(second.Version);

        // A move into another region (x 12 is in region column 1).
        await grain.UpdateRobotPositions([new RobotPosition("r1", new GridCell(12, 1), fixture.Clock.GetUtcNow())]);
        var handedOver = await Eventually.Get(() => World.GetSnapshotAsync(id), s => s.Robots.Any(r => r.Cell == new GridCell(12, 1)) && s.Regions.Sum(r => r.Robots.Count) == 2, "the robot moves on");
        Assert.Equal(2, handedOver.Robots.Count);
        Assert.Single(handedOver.Regions.Single(r => r.RegionKey.EndsWith("/1,0", StringComparison.Ordinal)).Robots);
        Assert.Single(handedOver.Regions.Single(r => r.RegionKey.EndsWith("/0,0", StringComparison.Ordinal)).Robots);
        versions.Add(handedOver.Version);

        Assert.True(await World.RemoveObstacleAsync(id, new GridCell(3, 3)));
        versions.Add((await World.GetSnapshotAsync(id)).Version);
        Assert.False(await World.RemoveObstacleAsync(id, new GridCell(3, 3)));
        Assert.Equal(versions[^1], (await World.GetSnapshotAsync(id)).Version);

        await World.UploadMapAsync(id, TestMaps.Open(20, 10));
        var fresh = await World.GetSnapshotAsync(id);
        versions.Add(fresh.Version);
        Assert.Empty(fresh.Robots);
        Assert.Empty(fresh.Map.Obstacles);

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
