namespace Coordination.Planning.Mapf.Grid;

/// <summary>
/// A 4-connected occupancy grid. Cells are numbered row-major: <c>index = y * Width + x</c>,
/// x the column and y the row, (0,0) top-left, as in the MovingAI formats.
/// </summary>
public sealed class GridMap
{
    private readonly bool[] _passable;
    private readonly int[] _neighbourStart;
    private readonly int[] _neighbours;

    public GridMap(int width, int height, bool[] passable, string name = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(passable);
        if (passable.Length != width * height)
        {
            throw new ArgumentException($"expected {width * height} cells, got {passable.Length}", nameof(passable));
        }

        Width = width;
        Height = height;
        Name = name;
        _passable = (bool[])passable.Clone();

        // Compressed adjacency lists (up, right, down, left order) for fast, allocation-free neighbour loops.
        _neighbourStart = new int[CellCount + 1];
        var list = new List<int>(CellCount * 4);
        for (var cell = 0; cell < CellCount; cell++)
        {
            _neighbourStart[cell] = list.Count;
            if (!_passable[cell])
            {
                continue;
            }

            var x = cell % width;
            var y = cell / width;
            if (y > 0 && _passable[cell - width])
            {
                list.Add(cell - width);
            }

            if (x < width - 1 && _passable[cell + 1])
            {
                list.Add(cell + 1);
            }

            if (y < height - 1 && _passable[cell + width])
            {
                list.Add(cell + width);
            }

            if (x > 0 && _passable[cell - 1])
            {
                list.Add(cell - 1);
            }
        }

        _neighbourStart[CellCount] = list.Count;
        _neighbours = [.. list];
        PassableCount = _passable.Count(p => p);
    }

    public int Width { get; }

    public int Height { get; }

    public int CellCount => Width * Height;

    public int PassableCount { get; }

    /// <summary>The map's name (file name when loaded from a file).</summary>
    public string Name { get; }

    /// <summary>A fully open grid.</summary>
    public static GridMap Open(int width, int height, string name = "") =>
        new(width, height, Enumerable.Repeat(true, width * height).ToArray(), name);

    public int ToCell(int x, int y) => (y * Width) + x;

    public (int X, int Y) ToXY(int cell) => (cell % Width, cell / Width);

    public bool InBounds(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height;

    public bool IsPassable(int cell) => (uint)cell < (uint)CellCount && _passable[cell];

    public bool IsPassable(int x, int y) => InBounds(x, y) && _passable[ToCell(x, y)];

    /// <summary>The passable 4-connected neighbours of a cell (empty for a blocked cell).</summary>
    public ReadOnlySpan<int> Neighbours(int cell) =>
        _neighbours.AsSpan(_neighbourStart[cell], _neighbourStart[cell + 1] - _neighbourStart[cell]);

    /// <summary>A copy of the passability of every cell.</summary>
    public bool[] CopyPassability() => (bool[])_passable.Clone();

    /// <summary>
    /// Shortest 4-connected path lengths from every cell to <paramref name="target"/> (breadth-first search);
    /// <see cref="DistanceField.Unreachable"/> where no path exists.
    /// </summary>
    public DistanceField DistancesTo(int target) => DistanceField.Compute(this, target);
}
