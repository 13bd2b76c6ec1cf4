using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// One allocation: robots, ready tasks, the battery reserve and, optionally, the map travel costs are measured on
/// (4-connected shortest paths; without a map, Manhattan distance on an open grid).
/// </summary>
public sealed record AllocationProblem(
    IReadOnlyList<RobotSnapshot> Robots,
    IReadOnlyList<ReadyTask> Tasks,
    double ReserveBatteryPercent,
    GridMap? Map = null);
