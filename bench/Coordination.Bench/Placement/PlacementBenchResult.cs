namespace Coordination.Bench.Placement;

/// <summary>Figures of one <c>coord bench placement</c> run; engine and first-fit ran on the same instance.</summary>
public sealed record PlacementBenchResult(
    int Nodes,
    int Replicas,
    int Workloads,
    int Seed,
    double PlantedGpuLoad,
    double EngineMs,
    double FirstFitMs,
    int PlacedEngine,
    int PlacedFirstFit,
    int EngineViolations,
    int FirstFitViolations)
{
    /// <summary>Engine time over first-fit time.</summary>
    public double TimeRatio => FirstFitMs > 0 ? EngineMs / FirstFitMs : double.NaN;

    /// <summary>Replicas placed by the engine over replicas placed by first-fit.</summary>
    public double PlacedRatio => PlacedFirstFit > 0 ? (double)PlacedEngine / PlacedFirstFit : double.NaN;
}
