namespace Coordination.Fleet;

/// <summary>What a robot declares about itself when it registers with its twin.</summary>
/// <param name="Model">Robot model, e.g. <c>amr-500</c>.</param>
/// <param name="Capabilities">Capabilities a task may require (<c>lift</c>, <c>camera</c>, ...).</param>
/// <param name="RosNamespace">ROS 2 namespace of the robot's software.</param>
/// <param name="WorldId">The world (map) the robot drives on.</param>
/// <param name="MaxSpeed">Maximum speed in cells per second.</param>
/// <param name="Zone">Site zone the robot belongs to (used to place its twin near its edge silo); may be empty.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.RobotRegistration")]
public sealed record RobotRegistration(
    [property: Id(0)] string Model,
    [property: Id(1)] IReadOnlyList<string> Capabilities,
    [property: Id(2)] string RosNamespace,
    [property: Id(3)] string WorldId,
    [property: Id(4)] double MaxSpeed,
    [property: Id(5)] string Zone);
