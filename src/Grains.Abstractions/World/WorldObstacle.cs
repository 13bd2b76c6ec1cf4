using Coordination.Common;

namespace Coordination.World;

/// <summary>A dynamic obstacle on one cell; <see cref="ExpiresAt"/> <c>null</c> means until removed.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.WorldObstacle")]
public sealed record WorldObstacle(
    [property: Id(0)] GridCell Cell,
    [property: Id(1)] string Source,
    [property: Id(2)] DateTimeOffset AddedAt,
    [property: Id(3)] DateTimeOffset? ExpiresAt);
