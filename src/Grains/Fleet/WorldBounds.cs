namespace Coordination.Fleet;

/// <summary>The extent of a world's grid: cells (0,0) to (Width-1, Height-1).</summary>
public readonly record struct WorldBounds(int Width, int Height)
{
    public bool Contains(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height;

    public override string ToString() => $"{Width}x{Height}";
}
