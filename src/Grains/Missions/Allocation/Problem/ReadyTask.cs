namespace Coordination.Missions.Allocation;

/// <summary>A task that is ready to be allocated.</summary>
/// <param name="Id">Unique task id.</param>
/// <param name="X">Column of the task's cell.</param>
/// <param name="Y">Row of the task's cell.</param>
/// <param name="Requires">Capabilities the robot must have (every one of them).</param>
/// <param name="Priority">Higher first: one task of priority p outranks any number of tasks of lower priority.</param>
/// <param name="EnergyPercent">Battery the task uses, 0 to 100.</param>
public sealed record ReadyTask(
    string Id,
    int X,
    int Y,
    IReadOnlyList<string> Requires,
    int Priority,
    double EnergyPercent);
