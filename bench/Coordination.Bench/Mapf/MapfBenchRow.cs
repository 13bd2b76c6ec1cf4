namespace Coordination.Bench.Mapf;

/// <summary>
/// Measured figures of one instance: ours (LaCAM* with refinement) and, in the same run, the baselines: LaCAM over plain
/// PIBT (first solution), one-shot PIBT and prioritized planning. Times are to the first solution, in milliseconds.
/// </summary>
public sealed record MapfBenchRow(
    string Map,
    int Scenario,
    int Agents,
    bool Solved,
    double? FirstSolutionMs,
    int? FirstSumOfCosts,
    int? SumOfCosts,
    int LowerBound,
    double? FirstRatio,
    double? FinalRatio,
    double TotalMs,
    MapfBaselineResult LaCam,
    MapfBaselineResult Pibt,
    MapfBaselineResult Prioritized,
    double? ReferenceMs,
    double? ReferenceRatio);
