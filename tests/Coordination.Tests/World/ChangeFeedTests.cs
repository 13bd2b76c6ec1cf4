using System.Collections.Concurrent;
using Coordination.Client.World;
using Coordination.Common;
using Coordination.Tests.Infrastructure;
using Coordination.World;

namespace Coordination.Tests.World;

[Collection(WorldClusterCollection.Name)]
public sealed class ChangeFeedTests(WorldClusterFixture fixture)
{
    private WorldClient World => new(fixture.Client);

    [Fact]
    public async Task SubscribersReceiveObstacleAndPositionChangesOfEveryRegion()
    {
        var id = TestKeys.New("world");
        await World.UploadMapAsync(id, TestMaps.Open(20, 10));
        var batches = new ConcurrentQueue<WorldChangeBatch>();
        await using (await World.WatchAsync(id, batches.Enqueue))
        {
            await World.AddObstacleAsync(id, new GridCell(17, 9), TimeSpan.FromMinutes(5), "lidar");
            await fixture.Client.GetGrain<IWorldModelGrain>(id).UpdateRobotPositions(
                [new RobotPosition("r1", new GridCell(1, 1), fixture.Clock.GetUtcNow()), new RobotPosition("r2", new GridCell(9, 9), fixture.Clock.GetUtcNow())]);
            await World.RemoveObstacleAsync(id, new GridCell(17, 9));

            var changes = await Eventually.Get(
                () => batches.SelectMany(b => b.Changes).ToList(),
                c => c.Count(x => x.Kind == WorldChangeKind.RobotMoved) == 2 && c.Any(x => x.Kind == WorldChangeKind.ObstacleRemoved),
                "the feed delivers every change");
            var added = Assert.Single(changes, c => c.Kind == WorldChangeKind.ObstacleAdded);
            Assert.Equal((new GridCell(17, 9), "lidar"), (added.Cell, added.Obstacle!.Source));
            Assert.Contains(changes, c => c is { Kind: WorldChangeKind.RobotMoved, RobotId: "r2" } && c.Cell == new GridCell(9, 9));
            Assert.All(batches, b => Assert.Equal((id, 1L), (b.WorldId, b.MapVersion)));

            // Versions increase within each region's feed.
            foreach (var region in batches.GroupBy(b => b.RegionKey))
            {
                var versions = region.SelectMany(b => b.Changes).Select(c => c.Version).ToList();
                Assert.Equal(versions.Order(), versions);
            }

            // A map upload is announced too.
            await World.UploadMapAsync(id, TestMaps.Open(20, 10));
            await Eventually.Get(() => batches.Any(b => b.Changes.Any(c => c.Kind == WorldChangeKind.MapUploaded && c.Version == 2)), x => x, "the map upload arrives");
        }
    }

    [Fact]
    public async Task OvertakenBatchesAreDeliveredOnceInVersionOrderWithTheGapReadFromTheRegionsLog()
    {
        var id = TestKeys.New("world");
        var (key, log, single) = await RegionWithThreeChanges(id);
        var versions = log.Changes.Select(c => c.Version).ToList();
        var (sequencer, delivered) = Sequencer();
        sequencer.Start(new Dictionary<string, long> { [key] = versions[0] - 1 });

        // The last batch overtakes the other two: it waits, the gap is read from the region, then all go out in order.
        sequencer.Receive(single[2]);
        await Eventually.Get(() => delivered.Sum(b => b.Changes.Count), n => n == 3, "the gap filled from the log");
        sequencer.Receive(single[0]);
        sequencer.Receive(single[1]);
        sequencer.Receive(single[2]);
        Assert.Equal(versions, delivered.SelectMany(b => b.Changes).Select(c => c.Version));
        Assert.All(delivered, b => Assert.False(b.Truncated));

        // A version the log never had (the region restarted on a new version block): delivered after the rest, flagged.
        var beyond = log with { Changes = [log.Changes[0] with { Version = versions[2] + 10 }] };
        await World.AddObstacleAsync(id, new GridCell(4, 1));
        sequencer.Receive(beyond);
        var last = await Eventually.Get(() => delivered.ToList(), l => l.Count > 0 && l[^1].Changes[^1].Version == versions[2] + 10, "the held change flushed");
        var all = last.SelectMany(b => b.Changes).Select(c => c.Version).ToList();
        Assert.Equal(all.Order(), all);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(5, all.Count);
        Assert.True(last[^1].Truncated);
    }

    [Fact]
    public async Task ARegionThatAppearsAfterTheSubscriptionIsDeliveredFromItsFirstChangeEvenWhenItsFirstBatchIsOvertaken()
    {
        var (sequencer, delivered) = Sequencer();

        // Subscribed before the world had a map: every region is new to the sequencer.
        sequencer.Start(new Dictionary<string, long>());
        var (_, log, single) = await RegionWithThreeChanges(TestKeys.New("world"));
        var versions = log.Changes.Select(c => c.Version).ToList();

        // The region's second batch arrives first: nothing may be lost, nothing may go out twice or out of order.
        sequencer.Receive(single[1]);
        await Eventually.Get(() => delivered.Sum(b => b.Changes.Count), n => n == 3, "the region's log read from its start");
        sequencer.Receive(single[0]);
        sequencer.Receive(single[2]);
        Assert.Equal(versions, delivered.SelectMany(b => b.Changes).Select(c => c.Version));
        Assert.All(delivered, b => Assert.False(b.Truncated));
    }

    [Fact]
    public async Task BatchesThatArriveBeforeTheSubscriptionAnswersGoOutFromTheSubscribedVersionInOrder()
    {
        var (key, log, single) = await RegionWithThreeChanges(TestKeys.New("world"));
        var versions = log.Changes.Select(c => c.Version).ToList();
        var (sequencer, delivered) = Sequencer();

        // The region notifies before Subscribe has returned its version (the first change predates the subscription).
        sequencer.Receive(single[2]);
        sequencer.Receive(single[0]);
        Assert.Empty(delivered);
        sequencer.Start(new Dictionary<string, long> { [key] = versions[0] });
        await Eventually.Get(() => delivered.Sum(b => b.Changes.Count), n => n == 2, "the gap filled from the log");
        sequencer.Receive(single[1]);
        Assert.Equal(versions[1..], delivered.SelectMany(b => b.Changes).Select(c => c.Version));
        Assert.All(delivered, b => Assert.False(b.Truncated));
    }

    [Fact]
    public async Task ARegionKeepsItsChangesForPolling()
    {
        var id = TestKeys.New("world");
        var info = await World.UploadMapAsync(id, TestMaps.Open(8, 8));
        var region = fixture.Client.GetGrain<IWorldRegionGrain>(Assert.Single(info.Regions).Key);
        await World.AddObstacleAsync(id, new GridCell(1, 1));
        await World.AddObstacleAsync(id, new GridCell(2, 2));
        var all = await region.GetChanges(0);
        Assert.Equal([WorldChangeKind.ObstacleAdded, WorldChangeKind.ObstacleAdded], all.Changes.Select(c => c.Kind));
        var later = await region.GetChanges(all.Changes[0].Version);
        Assert.Equal(new GridCell(2, 2), Assert.Single(later.Changes).Cell);
        Assert.False(later.Truncated);
    }

    /// <summary>A one-region world with three obstacles added: the region's key, its log, and each change as a batch of its own.</summary>
    private async Task<(string Key, WorldChangeBatch Log, List<WorldChangeBatch> Single)> RegionWithThreeChanges(string id)
    {
        var info = await World.UploadMapAsync(id, TestMaps.Open(8, 8));
        var key = Assert.Single(info.Regions).Key;
        foreach (var x in new[] { 1, 2, 3 })
        {
            await World.AddObstacleAsync(id, new GridCell(x, 1));
        }

        var log = await fixture.Client.GetGrain<IWorldRegionGrain>(key).GetChanges(0);
        Assert.Equal(3, log.Changes.Count);
        return (key, log, log.Changes.Select(c => log with { Changes = [c] }).ToList());
    }

    /// <summary>A sequencer that reads gaps from the real regions and records what it delivers.</summary>
    private (ChangeFeedSequencer Sequencer, ConcurrentQueue<WorldChangeBatch> Delivered) Sequencer()
    {
        var delivered = new ConcurrentQueue<WorldChangeBatch>();
        return (new ChangeFeedSequencer((r, after) => fixture.Client.GetGrain<IWorldRegionGrain>(r).GetChanges(after), delivered.Enqueue), delivered);
    }
}
