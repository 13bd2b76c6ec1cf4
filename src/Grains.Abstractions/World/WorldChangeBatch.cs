namespace Coordination.World;

/// <summary>
/// Changes of one source (a region, or the map itself when <see cref="RegionKey"/> is empty), oldest first.
/// <see cref="Truncated"/> says the log no longer held every change after the version asked for (take a snapshot).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldChangeBatch")]
public sealed record WorldChangeBatch(
    [property: Id(0)] string WorldId,
    [property: Id(1)] string RegionKey,
    [property: Id(2)] long MapVersion,
    [property: Id(3)] IReadOnlyList<WorldChange> Changes,
    [property: Id(4)] bool Truncated = false);
