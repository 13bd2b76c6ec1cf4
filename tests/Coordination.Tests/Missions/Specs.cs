using Coordination.Common;
using Coordination.Missions;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Missions;

/// <summary>Mission specs for tests.</summary>
internal static class Specs
{
    public static MissionSpec GoTo(string worldId, GridCell goal, int priority = 10, params string[] requires) =>
        new(TestKeys.New("m"), worldId, priority, null, [MissionTaskSpec.GoTo(goal, requires)]);

    public static MissionSpec Delivery(string worldId, GridCell pickup, GridCell dropoff, int priority = 10, params string[] requires) =>
        new(TestKeys.New("m"), worldId, priority, null, [MissionTaskSpec.Delivery(pickup, dropoff, requires)]);

    /// <summary>One of each kind: goto, delivery, patrol, charge and a compose of two steps.</summary>
    public static MissionSpec Everything(string worldId) => new(
        TestKeys.New("m"),
        worldId,
        50,
        DateTimeOffset.UtcNow.AddHours(1),
        [
            MissionTaskSpec.GoTo(new GridCell(3, 3)),
            MissionTaskSpec.Delivery(new GridCell(1, 1), new GridCell(10, 5), "lift"),
            MissionTaskSpec.Patrol([new GridCell(2, 2), new GridCell(4, 2)], 2),
            MissionTaskSpec.Charge(new GridCell(0, 7)),
            MissionTaskSpec.Compose(MissionTaskSpec.GoTo(new GridCell(5, 5)) with { Id = "first" }, MissionTaskSpec.GoTo(new GridCell(1, 6))),
        ]);
}
