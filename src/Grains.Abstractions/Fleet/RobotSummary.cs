using Coordination.Common;

namespace Coordination.Fleet;

/// <summary>
/// One robot as others see it without activating its twin: the fleet index keeps these, and the twin sends one
/// to its world's dispatcher whenever status, battery band, cell or assignment changes.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotSummary")]
public sealed record RobotSummary(
    [property: Id(0)] string RobotId,
    [property: Id(1)] string Model,
    [property: Id(2)] RobotStatus Status,
    [property: Id(3)] IReadOnlyList<string> Capabilities,
    [property: Id(4)] string Zone,
    [property: Id(5)] string WorldId,
    [property: Id(6)] double BatteryPercent,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] GridCell? Cell = null,
    [property: Id(9)] string? CurrentTaskId = null);
