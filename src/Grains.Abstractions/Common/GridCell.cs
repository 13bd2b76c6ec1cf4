namespace Coordination.Common;

/// <summary>A cell of a world's occupancy grid: x the column, y the row, (0,0) top-left (MovingAI convention).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.GridCell")]
public readonly record struct GridCell([property: Id(0)] int X, [property: Id(1)] int Y)
{
    public override string ToString() => $"({X},{Y})";
}
