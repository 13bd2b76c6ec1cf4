namespace Coordination.World;

/// <summary>A world's map as a whole: size, version and how it is split into regions.</summary>
/// <param name="MapVersion">Increases with every map upload (1 for the first).</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldInfo")]
public sealed record WorldInfo(
    [property: Id(0)] string WorldId,
    [property: Id(1)] string MapName,
    [property: Id(2)] long MapVersion,
    [property: Id(3)] int Width,
    [property: Id(4)] int Height,
    [property: Id(5)] int PassableCells,
    [property: Id(6)] IReadOnlyList<WorldRegion> Regions,
    [property: Id(7)] DateTimeOffset UploadedAt);
