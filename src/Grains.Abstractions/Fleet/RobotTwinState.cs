namespace Coordination.Fleet;

/// <summary>Everything a robot twin knows, as <see cref="IRobotGrain.GetState"/> returns it.</summary>
/// <param name="RobotId">The robot id (grain key).</param>
/// <param name="Registration">The registration; <c>null</c> when the robot never registered.</param>
/// <param name="Status">Current status (offline after missed heartbeats).</param>
/// <param name="Pose">Last known pose; <c>null</c> before the first sample.</param>
/// <param name="LinearVelocity">Last reported forward speed.</param>
/// <param name="AngularVelocity">Last reported turn rate.</param>
/// <param name="BatteryPercent">Last reported battery.</param>
/// <param name="LastTelemetryAt">Robot timestamp of the last accepted sample.</param>
/// <param name="LastSeenAt">Server time the robot was last heard from.</param>
/// <param name="CurrentAssignment">The current task, persisted.</param>
/// <param name="CurrentPath">The last path from the planner (memory only).</param>
/// <param name="CheckpointedAt">When the live state was last written to storage.</param>
/// <param name="AcceptedSamples">Samples accepted by this activation.</param>
/// <param name="RejectedSamples">Samples rejected by this activation.</param>
/// <param name="CommandObservers">Command observers currently subscribed.</param>
/// <param name="HostSilo">The silo hosting this activation (parsable silo address).</param>
/// <param name="HostZone">The zone of that silo (silo metadata), empty when unknown.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotTwinState")]
public sealed record RobotTwinState(
    [property: Id(0)] string RobotId,
    [property: Id(1)] RobotRegistration? Registration,
    [property: Id(2)] RobotStatus Status,
    [property: Id(3)] RobotPose? Pose,
    [property: Id(4)] double LinearVelocity,
    [property: Id(5)] double AngularVelocity,
    [property: Id(6)] double BatteryPercent,
    [property: Id(7)] DateTimeOffset? LastTelemetryAt,
    [property: Id(8)] DateTimeOffset? LastSeenAt,
    [property: Id(9)] RobotAssignment? CurrentAssignment,
    [property: Id(10)] Coordination.World.RobotPath? CurrentPath,
    [property: Id(11)] DateTimeOffset? CheckpointedAt,
    [property: Id(12)] long AcceptedSamples,
    [property: Id(13)] long RejectedSamples,
    [property: Id(14)] int CommandObservers,
    [property: Id(15)] string HostSilo,
    [property: Id(16)] string HostZone);
