using Coordination.Common;

namespace Coordination.Simulation.Kpi;

/// <summary>
/// Checks executed robot positions step by step: a vertex conflict is two robots on one cell at one step, a swap
/// conflict two robots exchanging cells between consecutive steps. Counts each conflicting pair once per step.
/// </summary>
public sealed class CollisionChecker
{
    private Dictionary<string, GridCell> _previous = new(StringComparer.Ordinal);

    public int VertexConflicts { get; private set; }

    public int SwapConflicts { get; private set; }

    public int Collisions => VertexConflicts + SwapConflicts;

    public int StepsChecked { get; private set; }

    /// <summary>Descriptions of the first conflicts seen (for the report and for debugging).</summary>
    public List<string> Examples { get; } = [];

    /// <summary>Checks the positions of one step (robots absent from the map, e.g. dropped, are skipped).</summary>
    public void Step(long step, IReadOnlyDictionary<string, GridCell> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        StepsChecked++;
        var byCell = new Dictionary<GridCell, string>();
        foreach (var (robot, cell) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (byCell.TryGetValue(cell, out var other))
            {
                VertexConflicts++;
                Note($"step {step}: {other} and {robot} both on {cell}");
            }
            else
            {
                byCell[cell] = robot;
            }
        }

        foreach (var (robot, cell) in positions)
        {
            if (!_previous.TryGetValue(robot, out var before) || before == cell)
            {
                continue;
            }

            // Someone who was on my new cell is now on my old cell.
            if (_previous.Count > 0 && byCell.TryGetValue(before, out var other) && other != robot
                && _previous.TryGetValue(other, out var otherBefore) && otherBefore == cell
                && string.CompareOrdinal(robot, other) < 0)
            {
                SwapConflicts++;
                Note($"step {step}: {robot} and {other} swapped {before} and {cell}");
            }
        }

        _previous = new Dictionary<string, GridCell>(positions, StringComparer.Ordinal);
    }

    private void Note(string text)
    {
        if (Examples.Count < 20)
        {
            Examples.Add(text);
        }
    }
}
