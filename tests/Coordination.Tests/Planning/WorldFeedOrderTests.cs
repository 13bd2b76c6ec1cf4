using Coordination.Common;
using Coordination.Planning;
using Coordination.World;

namespace Coordination.Tests.Planning;

public sealed class WorldFeedOrderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private static WorldChange Change(long version, WorldChangeKind kind, int x) => new(version, kind, new GridCell(x, 0), At);

    [Fact]
    public void AChangeOvertakenByANewerOneOfTheSameCellIsNotApplied()
    {
        var order = new WorldFeedOrder();
        order.Reset([new RegionSnapshot("w/m1/0/0", 0, [], [])]);

        // Added (v1), removed (v2), added again (v3): v3 and v1 arrive before v2.
        Assert.True(order.Accept("w/m1/0/0", Change(3, WorldChangeKind.ObstacleAdded, 5)));
        Assert.False(order.Accept("w/m1/0/0", Change(1, WorldChangeKind.ObstacleAdded, 5)));
        Assert.False(order.Accept("w/m1/0/0", Change(2, WorldChangeKind.ObstacleRemoved, 5)));

        // Other cells keep their own order.
        Assert.True(order.Accept("w/m1/0/0", Change(2, WorldChangeKind.ObstacleAdded, 6)));
        Assert.True(order.Accept("w/m1/0/0", Change(4, WorldChangeKind.ObstacleRemoved, 6)));
    }

    [Fact]
    public void ChangesTheSnapshotAlreadyHoldsAreNotAppliedAgain()
    {
        var order = new WorldFeedOrder();
        order.Reset([new RegionSnapshot("w/m1/0/0", 7, [], []), new RegionSnapshot("w/m1/1/0", 2, [], [])]);
        Assert.False(order.Accept("w/m1/0/0", Change(7, WorldChangeKind.ObstacleRemoved, 1)));
        Assert.True(order.Accept("w/m1/0/0", Change(8, WorldChangeKind.ObstacleAdded, 1)));
        Assert.True(order.Accept("w/m1/1/0", Change(3, WorldChangeKind.ObstacleAdded, 40)));

        // A new snapshot forgets what was applied before it.
        order.Reset([new RegionSnapshot("w/m1/0/0", 9, [], [])]);
        Assert.False(order.Accept("w/m1/0/0", Change(9, WorldChangeKind.ObstacleAdded, 2)));
        Assert.True(order.Accept("w/m1/0/0", Change(10, WorldChangeKind.ObstacleAdded, 1)));
    }
}
