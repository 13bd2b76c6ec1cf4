namespace Coordination.World;

/// <summary>
/// The grid at one moment: <see cref="Rows"/> are the static map (<c>.</c> free, <c>@</c> wall; row y, column x), and
/// <see cref="Obstacles"/> the dynamic obstacles on top of it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldMapSnapshot")]
public sealed record WorldMapSnapshot(
    [property: Id(0)] WorldInfo Info,
    [property: Id(1)] IReadOnlyList<string> Rows,
    [property: Id(2)] IReadOnlyList<WorldObstacle> Obstacles)
{
    public const char Free = '.';
    public const char Wall = '@';
}
