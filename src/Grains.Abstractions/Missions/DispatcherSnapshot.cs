using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>What a dispatcher knows: its ready queue, the tasks in flight, the robots of its world.</summary>
/// <param name="Rounds">Allocation rounds run by this dispatcher since it was created.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.DispatcherSnapshot")]
public sealed record DispatcherSnapshot(
    [property: Id(0)] string WorldId,
    [property: Id(1)] IReadOnlyList<DispatchTicket> Queued,
    [property: Id(2)] IReadOnlyList<DispatcherAssignment> InFlight,
    [property: Id(3)] IReadOnlyList<RobotSummary> Robots,
    [property: Id(4)] long Rounds);
