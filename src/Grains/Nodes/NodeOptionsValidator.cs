using Microsoft.Extensions.Options;

namespace Coordination.Nodes;

/// <summary>Reports every bad node setting at once, each with its configuration key.</summary>
public sealed class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.ReportPeriod <= TimeSpan.Zero)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.ReportPeriod)}: {options.ReportPeriod} is not a positive duration");
        }

        if (options.PlacementUpdateInterval <= TimeSpan.Zero)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.PlacementUpdateInterval)}: {options.PlacementUpdateInterval} is not a positive duration");
        }

        if (options.MissedReportsBeforeNotReady is < 1 or > 1000)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.MissedReportsBeforeNotReady)}: {options.MissedReportsBeforeNotReady} is out of range (1 to 1000)");
        }

        if (!double.IsFinite(options.ThermalThresholdC) || options.ThermalThresholdC is < 20 or > 150)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.ThermalThresholdC)}: {options.ThermalThresholdC} is out of range (20 to 150 °C)");
        }

        if (!double.IsFinite(options.ThermalHysteresisC) || options.ThermalHysteresisC is < 0 or > 50)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.ThermalHysteresisC)}: {options.ThermalHysteresisC} is out of range (0 to 50 °C)");
        }

        if (!double.IsFinite(options.PowerCapFactor) || options.PowerCapFactor <= 0)
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.PowerCapFactor)}: {options.PowerCapFactor} must be a positive number");
        }

        if (string.IsNullOrWhiteSpace(options.PlacementKey))
        {
            problems.Add($"{NodeOptions.SectionName}:{nameof(NodeOptions.PlacementKey)}: must not be empty");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
