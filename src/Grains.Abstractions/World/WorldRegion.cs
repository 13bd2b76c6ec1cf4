namespace Coordination.World;

/// <summary>A rectangle of a world: columns <c>X..X+Width-1</c>, rows <c>Y..Y+Height-1</c>; <see cref="Key"/> is its grain key.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldRegion")]
public sealed record WorldRegion(
    [property: Id(0)] string Key,
    [property: Id(1)] int X,
    [property: Id(2)] int Y,
    [property: Id(3)] int Width,
    [property: Id(4)] int Height)
{
    public bool Contains(Coordination.Common.GridCell cell) =>
        cell.X >= X && cell.Y >= Y && cell.X < X + Width && cell.Y < Y + Height;
}
