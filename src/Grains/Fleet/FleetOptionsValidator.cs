using Microsoft.Extensions.Options;

namespace Coordination.Fleet;

/// <summary>Reports every bad fleet setting at once, each with its configuration key.</summary>
public sealed class FleetOptionsValidator : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Positive(problems, nameof(FleetOptions.ExpectedTelemetryPeriod), options.ExpectedTelemetryPeriod);
        Positive(problems, nameof(FleetOptions.CheckpointInterval), options.CheckpointInterval);
        Positive(problems, nameof(FleetOptions.CommandObserverLease), options.CommandObserverLease);
        Positive(problems, nameof(FleetOptions.WorldPositionInterval), options.WorldPositionInterval);
        Positive(problems, nameof(FleetOptions.IndexFlushInterval), options.IndexFlushInterval);
        Positive(problems, nameof(FleetOptions.IndexCheckpointInterval), options.IndexCheckpointInterval);
        if (options.MissedHeartbeatsBeforeOffline is < 1 or > 1000)
        {
            problems.Add($"{FleetOptions.SectionName}:{nameof(FleetOptions.MissedHeartbeatsBeforeOffline)}: {options.MissedHeartbeatsBeforeOffline} is out of range (1 to 1000)");
        }

        if (options.MaxTelemetryPayloadBytes is < 128 or > 1024 * 1024)
        {
            problems.Add($"{FleetOptions.SectionName}:{nameof(FleetOptions.MaxTelemetryPayloadBytes)}: {options.MaxTelemetryPayloadBytes} is out of range (128 to 1048576)");
        }

        if (!double.IsFinite(options.BatteryBandPercent) || options.BatteryBandPercent <= 0 || options.BatteryBandPercent > 100)
        {
            problems.Add($"{FleetOptions.SectionName}:{nameof(FleetOptions.BatteryBandPercent)}: {options.BatteryBandPercent} is out of range (above 0, at most 100)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{FleetOptions.SectionName}:{name}: {value} is not a positive duration");
        }
    }
}
