namespace Coordination.Fleet;

/// <summary>
/// Settings of the robot twins (configuration section <c>Coordination:Fleet</c>, environment variables
/// <c>Coordination__Fleet__Name</c>). Checked at silo start by <see cref="FleetOptionsValidator"/>.
/// </summary>
public sealed class FleetOptions
{
    public const string SectionName = "Coordination:Fleet";

    public const string ExpectedTelemetryPeriodVariable = "Coordination__Fleet__ExpectedTelemetryPeriod";
    public const string MissedHeartbeatsBeforeOfflineVariable = "Coordination__Fleet__MissedHeartbeatsBeforeOffline";
    public const string CheckpointIntervalVariable = "Coordination__Fleet__CheckpointInterval";
    public const string MaxTelemetryPayloadBytesVariable = "Coordination__Fleet__MaxTelemetryPayloadBytes";

    /// <summary>How often a robot is expected to report (its heartbeat); robots may report faster.</summary>
    public TimeSpan ExpectedTelemetryPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed heartbeats after which the robot is <c>offline</c>.</summary>
    public int MissedHeartbeatsBeforeOffline { get; set; } = 3;

    /// <summary>At most one storage write of live telemetry (pose, battery, status) per robot per interval.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest accepted telemetry sample (estimated serialized size, diagnostics included).</summary>
    public int MaxTelemetryPayloadBytes { get; set; } = 4096;

    /// <summary>A command observer that is not renewed within this lease is dropped.</summary>
    public TimeSpan CommandObserverLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Robot positions go to the world model at most this often per world and silo (only changed cells).</summary>
    public TimeSpan WorldPositionInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Summary changes go to the fleet index in one batch per silo at most this often.</summary>
    public TimeSpan IndexFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The fleet index writes its state at most this often.</summary>
    public TimeSpan IndexCheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The dispatcher hears about battery changes when the battery crosses a band of this width (percent).</summary>
    public double BatteryBandPercent { get; set; } = 5;

    /// <summary>Silence after which the robot is offline.</summary>
    public TimeSpan OfflineAfter => ExpectedTelemetryPeriod * MissedHeartbeatsBeforeOffline;
}
