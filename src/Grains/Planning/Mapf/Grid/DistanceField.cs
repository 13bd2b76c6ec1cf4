namespace Coordination.Planning.Mapf.Grid;

/// <summary>Shortest-path lengths (4-connected, unit cost) from every cell to one target cell.</summary>
public sealed class DistanceField
{
    public const int Unreachable = int.MaxValue;

    private readonly int[] _distance;

    private DistanceField(int target, int[] distance)
    {
        Target = target;
        _distance = distance;
    }

    public int Target { get; }

    public int this[int cell] => _distance[cell];

    public bool IsReachable(int cell) => _distance[cell] != Unreachable;

    public ReadOnlySpan<int> AsSpan() => _distance;

    /// <summary>The underlying array, for the solver's inner loops (never written).</summary>
    internal int[] Distances => _distance;

    public static DistanceField Compute(GridMap map, int target)
    {
        ArgumentNullException.ThrowIfNull(map);
        var distance = new int[map.CellCount];
        Array.Fill(distance, Unreachable);
        if (!map.IsPassable(target))
        {
            return new DistanceField(target, distance);
        }

        var queue = new int[map.PassableCount];
        int head = 0, tail = 0;
        distance[target] = 0;
        queue[tail++] = target;
        while (head < tail)
        {
            var cell = queue[head++];
            var next = distance[cell] + 1;
            foreach (var n in map.Neighbours(cell))
            {
                if (distance[n] == Unreachable)
                {
                    distance[n] = next;
                    queue[tail++] = n;
                }
            }
        }

        return new DistanceField(target, distance);
    }
}
