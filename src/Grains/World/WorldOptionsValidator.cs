using Microsoft.Extensions.Options;

namespace Coordination.World;

/// <summary>Reports every bad world setting at once, by its configuration name.</summary>
public sealed class WorldOptionsValidator : IValidateOptions<WorldOptions>
{
    public ValidateOptionsResult Validate(string? name, WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RegionSize is < 8 or > 4096)
        {
            failures.Add($"{WorldOptions.Section}:RegionSize: {options.RegionSize} is outside 8..4096");
        }

        if (options.MaxMapCells <= 0)
        {
            failures.Add($"{WorldOptions.Section}:MaxMapCells: must be positive");
        }

        Positive(failures, "SweepInterval", options.SweepInterval);
        Positive(failures, "PositionTtl", options.PositionTtl);
        Positive(failures, "MaxObstacleTtl", options.MaxObstacleTtl);
        if (options.ChangeLogCapacity <= 0)
        {
            failures.Add($"{WorldOptions.Section}:ChangeLogCapacity: must be positive");
        }

        if (options.DistanceCacheBytes <= 0)
        {
            failures.Add($"{WorldOptions.Section}:DistanceCacheBytes: must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{WorldOptions.Section}:{name}: must be a positive duration");
        }
    }
}
