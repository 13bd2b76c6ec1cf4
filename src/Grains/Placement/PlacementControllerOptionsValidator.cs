using Microsoft.Extensions.Options;

namespace Coordination.Placement;

/// <summary>Reports every bad <c>Coordination:Placement</c> setting at once.</summary>
public sealed class PlacementControllerOptionsValidator : IValidateOptions<PlacementControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(failures, nameof(options.ReconcileInterval), options.ReconcileInterval);
        Positive(failures, nameof(options.SolverBudget), options.SolverBudget);
        Positive(failures, nameof(options.SnapshotMaxAge), options.SnapshotMaxAge);
        Positive(failures, nameof(options.KpiMaxAge), options.KpiMaxAge);
        NotNegative(failures, nameof(options.UncordonAfter), options.UncordonAfter);
        NotNegative(failures, nameof(options.ThrottleMoveInterval), options.ThrottleMoveInterval);
        Positive(failures, nameof(options.RebalanceInterval), options.RebalanceInterval);
        NotNegative(failures, nameof(options.MinReplicaDwell), options.MinReplicaDwell);
        Positive(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{nameof(options.RetryMaxDelay)}: must be >= {nameof(options.RetryBaseDelay)}");
        }

        if (!(options.RebalanceThreshold > 0 && options.RebalanceThreshold <= 1))
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{nameof(options.RebalanceThreshold)}: must be in (0, 1]");
        }

        if (options.MaxTemperatureC is { } t && !double.IsFinite(t))
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{nameof(options.MaxTemperatureC)}: must be a finite number");
        }

        if (options.RecentDecisions < 1)
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{nameof(options.RecentDecisions)}: must be >= 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{name}: must be > 0");
        }
    }

    private static void NotNegative(List<string> failures, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{PlacementControllerOptions.SectionName}:{name}: must be >= 0");
        }
    }
}
