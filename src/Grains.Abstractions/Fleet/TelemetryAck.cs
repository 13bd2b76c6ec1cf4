namespace Coordination.Fleet;

/// <summary>
/// The twin's answer to a telemetry sample. <see cref="CommandObserverPresent"/> is false when no command observer
/// is subscribed (e.g. the twin was just re-activated after a silo failure): the session resubscribes at once.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.TelemetryAck")]
public sealed record TelemetryAck(
    [property: Id(0)] RobotStatus Status,
    [property: Id(1)] bool CommandObserverPresent);
