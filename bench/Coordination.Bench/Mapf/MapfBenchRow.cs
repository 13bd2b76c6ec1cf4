namespace Coordination.Bench.Mapf;

/// <summary>
/// Measured figures of one instance: ours (LaCAM* with refinement) and, in the same run, the baselines: LaCAM over plain
/// PIBT (first solution), one-shot PIBT and prioritized planning. Times are to the first solution, in milliseconds.
/// <see cref="FirstSumOfLoss"/> is the first solution's sum of loss (LaCAM's own edge cost, which LaCAM3 reports as its
/// first-solution cost); the sums of costs follow the <c>coord plan</c> contract.
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
    double? ReferenceRatio,
    int? FirstSumOfLoss = null,
    double? FirstLossRatio = null);
