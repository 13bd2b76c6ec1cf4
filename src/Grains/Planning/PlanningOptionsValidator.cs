using Microsoft.Extensions.Options;

namespace Coordination.Planning;

/// <summary>Reports every bad planning setting at once, by its configuration name.</summary>
public sealed class PlanningOptionsValidator : IValidateOptions<PlanningOptions>
{
    public ValidateOptionsResult Validate(string? name, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.StepDuration < TimeSpan.FromMilliseconds(10) || options.StepDuration.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            failures.Add($"{PlanningOptions.Section}:StepDuration: must be a whole number of milliseconds, at least 10");
        }

        Positive(failures, "Debounce", options.Debounce);
        Positive(failures, "SolveDeadline", options.SolveDeadline);
        Positive(failures, "RetryDelay", options.RetryDelay);
        Positive(failures, "WorldLease", options.WorldLease);
        if (options.StartMargin < TimeSpan.Zero)
        {
            failures.Add($"{PlanningOptions.Section}:StartMargin: must not be negative");
        }

        if (options.BehindTolerance < 0)
        {
            failures.Add($"{PlanningOptions.Section}:BehindTolerance: must not be negative");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{PlanningOptions.Section}:{name}: must be a positive duration");
        }
    }
}
