using Coordination.World;

namespace Coordination.Fleet;

/// <summary>
/// The answer to <see cref="IRobotGrain.Subscribe"/>: renew before <see cref="Lease"/> runs out; the current assignment
/// and path let a resubscribing session catch up on commands it may have missed.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotSubscription")]
public sealed record RobotSubscription(
    [property: Id(0)] TimeSpan Lease,
    [property: Id(1)] RobotAssignment? CurrentAssignment,
    [property: Id(2)] RobotPath? CurrentPath,
    [property: Id(3)] RobotStatus Status);
