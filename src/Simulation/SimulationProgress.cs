namespace Coordination.Simulation;

/// <summary>What the simulation shows while it runs.</summary>
public sealed record SimulationProgress(
    double ElapsedSeconds,
    double TotalSeconds,
    int MissionsSubmitted,
    int TasksCompleted,
    IReadOnlyDictionary<string, int> RobotsByStatus,
    int NodesReady,
    int Nodes,
    int ActiveSilos,
    int Collisions,
    IReadOnlyList<string> Faults);
