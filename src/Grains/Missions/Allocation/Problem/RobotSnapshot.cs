namespace Coordination.Missions.Allocation;

/// <summary>A robot as the dispatcher sees it at allocation time.</summary>
/// <param name="Id">Unique robot id.</param>
/// <param name="X">Column of the robot's cell.</param>
/// <param name="Y">Row of the robot's cell.</param>
/// <param name="Capabilities">What the robot can do (e.g. <c>lift</c>); compared ordinally.</param>
/// <param name="BatteryPercent">State of charge, 0 to 100.</param>
/// <param name="Available">Whether the robot may take a task now.</param>
public sealed record RobotSnapshot(
    string Id,
    int X,
    int Y,
    IReadOnlyList<string> Capabilities,
    double BatteryPercent,
    bool Available);
