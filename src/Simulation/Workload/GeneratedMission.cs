using Coordination.Common;

namespace Coordination.Simulation.Workload;

/// <summary>A mission the generator made: what to submit and when (seconds after the start).</summary>
public sealed record GeneratedMission(
    string Id,
    string Kind,
    int Priority,
    double SubmitAtSeconds,
    IReadOnlyList<GridCell> Places,
    int Rounds);
