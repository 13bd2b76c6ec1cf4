namespace Coordination.Fleet;

/// <summary>One telemetry sample as the robot reports it (5–50 Hz).</summary>
/// <param name="X">Pose x in world units (one unit = one grid cell).</param>
/// <param name="Y">Pose y in world units.</param>
/// <param name="Heading">Heading in radians.</param>
/// <param name="LinearVelocity">Forward speed in cells per second.</param>
/// <param name="AngularVelocity">Turn rate in radians per second.</param>
/// <param name="BatteryPercent">State of charge, 0–100.</param>
/// <param name="Status">What the robot says it is doing (offline is decided by the twin, not reported).</param>
/// <param name="Timestamp">The robot's clock when the sample was taken; must not go backwards.</param>
/// <param name="Diagnostics">Optional key/value diagnostics (error codes, sensor flags); counted against the payload limit.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotTelemetry")]
public sealed record RobotTelemetry(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Heading,
    [property: Id(3)] double LinearVelocity,
    [property: Id(4)] double AngularVelocity,
    [property: Id(5)] double BatteryPercent,
    [property: Id(6)] RobotStatus Status,
    [property: Id(7)] DateTimeOffset Timestamp,
    [property: Id(8)] IReadOnlyDictionary<string, string>? Diagnostics = null);
