using Coordination.Common;

namespace Coordination.Missions;

/// <summary>
/// One task of a <see cref="MissionSpec"/>. Which fields apply depends on <see cref="Kind"/>: <c>goto</c> needs
/// <see cref="Goal"/>; <c>delivery</c> <see cref="Pickup"/> and <see cref="Dropoff"/>; <c>patrol</c>
/// <see cref="Places"/> and <see cref="Rounds"/>; <c>charge</c> an optional <see cref="Station"/>; <c>compose</c>
/// <see cref="Steps"/> (tasks of the other kinds, run in order).
/// </summary>
/// <param name="Kind">What the task does.</param>
/// <param name="Id">Optional id, unique within the mission (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>); default: its position.</param>
/// <param name="Requires">Capabilities the robot must have, every one of them.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.MissionTaskSpec")]
public sealed record MissionTaskSpec(
    [property: Id(0)] MissionTaskKind Kind,
    [property: Id(1)] string? Id = null,
    [property: Id(2)] IReadOnlyList<string>? Requires = null,
    [property: Id(3)] GridCell? Goal = null,
    [property: Id(4)] GridCell? Pickup = null,
    [property: Id(5)] GridCell? Dropoff = null,
    [property: Id(6)] IReadOnlyList<GridCell>? Places = null,
    [property: Id(7)] int Rounds = 1,
    [property: Id(8)] GridCell? Station = null,
    [property: Id(9)] IReadOnlyList<MissionTaskSpec>? Steps = null)
{
    public static MissionTaskSpec GoTo(GridCell goal, params string[] requires) =>
        new(MissionTaskKind.Goto, Requires: requires, Goal: goal);

    public static MissionTaskSpec Delivery(GridCell pickup, GridCell dropoff, params string[] requires) =>
        new(MissionTaskKind.Delivery, Requires: requires, Pickup: pickup, Dropoff: dropoff);

    public static MissionTaskSpec Patrol(IReadOnlyList<GridCell> places, int rounds, params string[] requires) =>
        new(MissionTaskKind.Patrol, Requires: requires, Places: places, Rounds: rounds);

    public static MissionTaskSpec Charge(GridCell? station = null, params string[] requires) =>
        new(MissionTaskKind.Charge, Requires: requires, Station: station);

    public static MissionTaskSpec Compose(params MissionTaskSpec[] steps) =>
        new(MissionTaskKind.Compose, Steps: steps);
}
