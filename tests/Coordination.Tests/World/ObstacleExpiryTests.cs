using System.Collections.Concurrent;
using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.World;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class ObstacleExpiryTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    [Fact]
    public async Task AnObstacleExpiresWhenItsTimeIsUpAndDistancesFollow()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Wall, "wall.map");
        var batches = new ConcurrentQueue<WorldChangeBatch>();
        await using var watch = await World.WatchAsync(id, batches.Enqueue);

        // The gap under the wall is the only way from the left to the right side.
        var added = await World.AddObstacleAsync(id, new GridCell(2, 3), TimeSpan.FromSeconds(30), "robot-7");
        Assert.Equal(TimeSpan.FromSeconds(30), added.ExpiresAt - added.AddedAt);
        await World.AddObstacleAsync(id, new GridCell(5, 3));
        Assert.Equal([WorldDistances.Unreachable], await World.GetDistancesAsync(id, new GridCell(4, 0), [new GridCell(0, 0)]));

        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await World.GetSnapshotAsync(id)).Map.Obstacles.Count);

        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        var snapshot = await World.GetSnapshotAsync(id);
        Assert.Equal(new GridCell(5, 3), Assert.Single(snapshot.Map.Obstacles).Cell);
        Assert.Equal(new GridCell(5, 3), Assert.Single((await World.GetMapSnapshotAsync(id)).Obstacles).Cell);
        Assert.Equal([10], await World.GetDistancesAsync(id, new GridCell(4, 0), [new GridCell(0, 0)]));
        var expired = await Eventually.Get(
            () => batches.SelectMany(b => b.Changes).FirstOrDefault(c => c.Kind == WorldChangeKind.ObstacleExpired),
            c => c is not null,
            "the expiry is announced");
        Assert.Equal(new GridCell(2, 3), expired!.Cell);
    }
}
