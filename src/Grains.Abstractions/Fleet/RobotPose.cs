namespace Coordination.Fleet;

/// <summary>A robot's pose: position in world units (one unit = one grid cell) and heading in radians.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotPose")]
public sealed record RobotPose(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Heading);
