namespace Coordination.Fleet;

/// <summary>
/// The durable facts of a robot twin: registration, status, last known pose and battery, current assignment.
/// The live fields are updated in memory by every sample and written at most once per checkpoint interval.
/// </summary>
[GenerateSerializer]
[Alias("Coordination.RobotState")]
public sealed class RobotState
{
    [Id(0)]
    public RobotRegistration? Registration { get; set; }

    [Id(1)]
    public DateTimeOffset RegisteredAt { get; set; }

    [Id(2)]
    public RobotStatus Status { get; set; } = RobotStatus.Uninitialized;

    [Id(3)]
    public double BatteryPercent { get; set; }

    [Id(4)]
    public bool HasPose { get; set; }

    [Id(5)]
    public double X { get; set; }

    [Id(6)]
    public double Y { get; set; }

    [Id(7)]
    public double Heading { get; set; }

    /// <summary>Robot timestamp of the last accepted sample.</summary>
    [Id(8)]
    public DateTimeOffset? LastTelemetryAt { get; set; }

    /// <summary>Server time the robot was last heard from.</summary>
    [Id(9)]
    public DateTimeOffset? LastSeenAt { get; set; }

    [Id(10)]
    public RobotAssignment? CurrentAssignment { get; set; }

    [Id(11)]
    public DateTimeOffset? CheckpointedAt { get; set; }

    /// <summary>The status the robot itself last reported (the twin's status may differ: offline, working while assigned).</summary>
    [Id(12)]
    public RobotStatus ReportedStatus { get; set; } = RobotStatus.Uninitialized;
}
