namespace Coordination.Bench.Mapf;

/// <summary>One baseline's result on an instance: solved (with a validated plan), its sum of costs and its time.</summary>
public sealed record MapfBaselineResult(bool Solved, int? SumOfCosts, double Ms)
{
    public double? Ratio(int lowerBound) => SumOfCosts is { } c && lowerBound > 0 ? (double)c / lowerBound : null;
}
