namespace Coordination.Fleet;

/// <summary>
/// Request-context keys of the fleet. A robot session sets <see cref="ZoneKey"/> to its robot's zone and
/// <see cref="RobotKey"/> to its robot id on the calls it makes, so a twin activated by such a call is placed on a silo
/// of that zone (silo metadata <c>coordination.zone</c>). The request context flows on through the twin's own calls;
/// the robot id keeps another robot's twin, activated further down that call chain, from taking the zone.
/// </summary>
public static class FleetRequestContext
{
    public const string ZoneKey = "coordination.robot-zone";

    public const string RobotKey = "coordination.robot-id";
}
