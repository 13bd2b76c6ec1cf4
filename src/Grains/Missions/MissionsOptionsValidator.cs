using System.Globalization;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>Reports every bad mission setting at once, each named by its configuration key.</summary>
public sealed class MissionsOptionsValidator : IValidateOptions<MissionsOptions>
{
    public ValidateOptionsResult Validate(string? name, MissionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Positive(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{MissionsOptions.SectionName}:{key}: must be a positive duration (got {value})");
            }
        }

        void Percent(string key, double value)
        {
            if (!(value >= 0 && value <= 100))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{MissionsOptions.SectionName}:{key}: must be between 0 and 100 (got {value})"));
            }
        }

        void Count(string key, int value, int max)
        {
            if (value < 1 || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{MissionsOptions.SectionName}:{key}: must be between 1 and {max} (got {value})"));
            }
        }

        Positive(nameof(options.RoundDelay), options.RoundDelay);
        Positive(nameof(options.NoCapableRobotGrace), options.NoCapableRobotGrace);
        Positive(nameof(options.ReconcileInterval), options.ReconcileInterval);
        Positive(nameof(options.WorldReconcileInterval), options.WorldReconcileInterval);
        Percent(nameof(options.ReserveBatteryPercent), options.ReserveBatteryPercent);
        Percent(nameof(options.ChargeBelowPercent), options.ChargeBelowPercent);
        Percent(nameof(options.EnergyPerCellPercent), options.EnergyPerCellPercent);
        if (options.ChargeBelowPercent < options.ReserveBatteryPercent)
        {
            failures.Add($"{MissionsOptions.SectionName}:{nameof(options.ChargeBelowPercent)}: must not be below {nameof(options.ReserveBatteryPercent)}");
        }

        if (!double.IsFinite(options.NominalSpeedCellsPerSecond) || options.NominalSpeedCellsPerSecond <= 0)
        {
            failures.Add($"{MissionsOptions.SectionName}:{nameof(options.NominalSpeedCellsPerSecond)}: must be a positive number");
        }

        Count(nameof(options.DefaultMapWidth), options.DefaultMapWidth, 4096);
        Count(nameof(options.DefaultMapHeight), options.DefaultMapHeight, 4096);
        Count(nameof(options.MaxTasksPerMission), options.MaxTasksPerMission, 10_000);
        Count(nameof(options.MaxWaypointsPerTask), options.MaxWaypointsPerTask, 100_000);
        Count(nameof(options.IndexRecentLimit), options.IndexRecentLimit, 100_000);
        Count(nameof(options.MaxHistoryEvents), options.MaxHistoryEvents, 100_000);
        Count(nameof(options.DistanceFieldCacheCapacity), options.DistanceFieldCacheCapacity, 1_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
