namespace Coordination.Fleet;

/// <summary>Robot status vocabulary, as fleet managers use it.</summary>
[GenerateSerializer]
[Alias("Coordination.RobotStatus")]
public enum RobotStatus
{
    Uninitialized = 0,
    Idle = 1,
    Charging = 2,
    Working = 3,
    Error = 4,
    Offline = 5,
    Shutdown = 6,
}
