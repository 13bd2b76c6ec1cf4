using Coordination.Common;

namespace Coordination.World;

/// <summary>How a map of a given size is split into square regions, and which region holds a cell.</summary>
public sealed class WorldLayout
{
    private readonly WorldRegion[] _regions;

    public WorldLayout(string worldId, long mapVersion, int width, int height, int regionSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(regionSize);
        Width = width;
        Height = height;
        RegionSize = regionSize;
        Columns = (width + regionSize - 1) / regionSize;
        Rows = (height + regionSize - 1) / regionSize;
        _regions = new WorldRegion[Columns * Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var x = c * regionSize;
                var y = r * regionSize;
                _regions[(r * Columns) + c] = new WorldRegion(
                    WorldKeys.Region(worldId, mapVersion, c, r), x, y, Math.Min(regionSize, width - x), Math.Min(regionSize, height - y));
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    public int RegionSize { get; }

    public int Columns { get; }

    public int Rows { get; }

    public IReadOnlyList<WorldRegion> Regions => _regions;

    public bool InBounds(GridCell cell) => cell.X >= 0 && cell.Y >= 0 && cell.X < Width && cell.Y < Height;

    /// <summary>The index in <see cref="Regions"/> of the region holding an in-bounds cell.</summary>
    public int IndexOf(GridCell cell) => ((cell.Y / RegionSize) * Columns) + (cell.X / RegionSize);
}
