using Coordination.Common;
using Coordination.World;

namespace Coordination.Tests.Planning;

/// <summary>Checks of handed-out paths written independently of the engine's validator.</summary>
public static class PlanChecks
{
    /// <summary>
    /// Fails unless the paths (one plan: same id and start step) never put two robots on one cell at one step
    /// (robots stay on their last cell) nor swap two robots, and every step is a wait or a 4-connected move on a free cell.
    /// </summary>
    public static void AssertConflictFree(IReadOnlyDictionary<string, RobotPath> paths, Func<GridCell, bool> free)
    {
        Assert.Single(paths.Values.Select(p => (p.PlanId, p.StartStep)).Distinct());
        var horizon = paths.Values.Max(p => p.Cells.Count);
        GridCell At(RobotPath p, int t) => p.Cells[Math.Min(t, p.Cells.Count - 1)];
        foreach (var (robot, path) in paths)
        {
            for (var t = 0; t < path.Cells.Count; t++)
            {
                Assert.True(free(path.Cells[t]), $"{robot} at {path.Cells[t]} at t={t}, not a free cell");
                if (t > 0)
                {
                    var (a, b) = (path.Cells[t - 1], path.Cells[t]);
                    Assert.True(Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y) <= 1, $"{robot} jumps from {a} to {b}");
                }
            }
        }

        for (var t = 0; t < horizon; t++)
        {
            var cells = paths.ToDictionary(p => p.Key, p => At(p.Value, t));
            Assert.Equal(cells.Count, cells.Values.Distinct().Count());
            if (t == 0)
            {
                continue;
            }

            foreach (var (r1, p1) in paths)
            {
                foreach (var (r2, p2) in paths)
                {
                    if (string.CompareOrdinal(r1, r2) < 0)
                    {
                        Assert.False(At(p1, t - 1) == At(p2, t) && At(p2, t - 1) == At(p1, t) && At(p1, t) != At(p1, t - 1), $"{r1} and {r2} swap at t={t}");
                    }
                }
            }
        }
    }
}
