using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// A map with a one-cell blocked border, so the four neighbours of any cell inside are <c>±1</c> and <c>±Stride</c>
/// with no bounds test; plus its blocked cells as a bit set and its 4-connected components.
/// </summary>
internal sealed class PaddedGrid
{
    private readonly GridMap _map;
    private int[]? _component;

    public PaddedGrid(GridMap map)
    {
        _map = map;
        Stride = map.Width + 2;
        CellCount = Stride * (map.Height + 2);
        Open = new bool[CellCount];
        BlockedBits = new ulong[(CellCount + 63) / 64];
        Array.Fill(BlockedBits, ulong.MaxValue);
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                if (map.IsPassable(x, y))
                {
                    var cell = Cell(x, y);
                    Open[cell] = true;
                    BlockedBits[cell >> 6] &= ~(1UL << cell);
                }
            }
        }
    }

    public int Stride { get; }

    public int CellCount { get; }

    public bool[] Open { get; }

    /// <summary>One bit per padded cell, set where blocked (the border included).</summary>
    public ulong[] BlockedBits { get; }

    public int Cell(int x, int y) => ((y + 1) * Stride) + x + 1;

    /// <summary>The 4-connected component of every padded cell (-1 where blocked).</summary>
    public int[] Components()
    {
        if (_component is not null)
        {
            return _component;
        }

        var component = new int[CellCount];
        Array.Fill(component, -1);
        var queue = new int[_map.PassableCount];
        var next = 0;
        for (var seed = 0; seed < CellCount; seed++)
        {
            if (!Open[seed] || component[seed] >= 0)
            {
                continue;
            }

            int head = 0, tail = 0;
            component[seed] = next;
            queue[tail++] = seed;
            while (head < tail)
            {
                var cell = queue[head++];
                foreach (var n in (ReadOnlySpan<int>)[cell - 1, cell + 1, cell - Stride, cell + Stride])
                {
                    if (Open[n] && component[n] < 0)
                    {
                        component[n] = next;
                        queue[tail++] = n;
                    }
                }
            }

            next++;
        }

        _component = component;
        return component;
    }
}
