using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Tests.Solving;

/// <summary>Scatter's guide paths: the collisions it counts and reports.</summary>
public sealed class ScatterTests
{
    private static readonly long NoDeadline = long.MaxValue;

    [Fact]
    public void HeadOnAgentsInATwoLaneCorridorGetGuidesThatDoNotCrossOnAnEdge()
    {
        // Two agents run head-on along the top lane, an odd number of steps apart: on the shortest paths they would
        // swap cells between two timesteps (an edge collision, not a vertex one). Scatter must send one of them
        // through the bottom lane.
        var map = MovingAiMap.Parse("type octile\nheight 2\nwidth 6\nmap\n......\n......\n");
        int[] starts = [0, 5];
        int[] goals = [5, 0];

        var guide = Scatter.Compute(map, starts, goals, Distances(map, goals), margin: 4, maxRounds: 8, NoDeadline, out var collisions);

        Assert.Equal(0, collisions);
        var a = Follow(guide[0]!, starts[0], goals[0]);
        var b = Follow(guide[1]!, starts[1], goals[1]);
        for (var t = 1; t < Math.Max(a.Count, b.Count); t++)
        {
            var (aFrom, aTo) = (At(a, t - 1), At(a, t));
            var (bFrom, bTo) = (At(b, t - 1), At(b, t));
            Assert.False(aFrom == bTo && aTo == bFrom && aFrom != aTo, $"the guides swap cells {aFrom} and {aTo} at t={t}");
            Assert.NotEqual(aTo, bTo);
        }
    }

    [Fact]
    public void UnavoidableCollisionsAreReported()
    {
        // A one-lane corridor: agents running head-on cannot pass, whatever the paths.
        var map = MovingAiMap.Parse("type octile\nheight 1\nwidth 5\nmap\n.....\n");
        int[] starts = [0, 4];
        int[] goals = [4, 0];

        Scatter.Compute(map, starts, goals, Distances(map, goals), margin: 10, maxRounds: 8, NoDeadline, out var collisions);

        Assert.InRange(collisions, 1, 100);
    }

    [Fact]
    public void ASingleRoundReportsNoComparableCount()
    {
        // The first round only sees the paths planned before each agent; its count is not reported as the final one.
        var map = MovingAiMap.Parse("type octile\nheight 1\nwidth 5\nmap\n.....\n");
        int[] starts = [0, 4];
        int[] goals = [4, 0];

        Scatter.Compute(map, starts, goals, Distances(map, goals), margin: 10, maxRounds: 1, NoDeadline, out var collisions);

        Assert.Equal(long.MaxValue, collisions);
    }

    [Fact]
    public void PastDeadlineGivesNoGuidesAndNoCount()
    {
        var map = MovingAiMap.Parse("type octile\nheight 2\nwidth 6\nmap\n......\n......\n");
        int[] starts = [0, 5];
        int[] goals = [5, 0];

        var guide = Scatter.Compute(map, starts, goals, Distances(map, goals), margin: 4, maxRounds: 8, Stopwatch.GetTimestamp() - 1, out var collisions);

        Assert.All(guide, Assert.Null);
        Assert.Equal(long.MaxValue, collisions);
    }

    private static int[]?[] Distances(GridMap map, int[] goals) =>
        [.. goals.Select(g => DistanceField.Compute(map, g).Distances)];

    /// <summary>The guide path from the start: the cells visited by following the next-cell map to the goal.</summary>
    private static List<int> Follow(Dictionary<int, int> next, int start, int goal)
    {
        var path = new List<int> { start };
        for (var cell = start; cell != goal; path.Add(cell))
        {
            Assert.True(next.TryGetValue(cell, out cell), $"the guide stops at cell {path[^1]} before the goal");
            Assert.True(path.Count <= next.Count + 1, "the guide loops");
        }

        return path;
    }

    private static int At(List<int> path, int t) => path[Math.Min(t, path.Count - 1)];
}
