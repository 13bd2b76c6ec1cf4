using Coordination.Common;

namespace Coordination.World;

/// <summary>A robot's cell as its twin last saw it (fed to the world model in batches).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotPosition")]
public sealed record RobotPosition(
    [property: Id(0)] string RobotId,
    [property: Id(1)] GridCell Cell,
    [property: Id(2)] DateTimeOffset At);
