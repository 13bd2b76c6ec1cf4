using System.Globalization;
using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>
/// Health of a compute node from its last report (pure): not-ready when silent for longer than
/// <see cref="NodeOptions.NotReadyAfter"/>; throttled above the thermal threshold (ready again only below the threshold
/// minus the hysteresis) or above the power budget; ready otherwise; unknown before the first report.
/// </summary>
public static class NodeHealthEvaluator
{
    public static (NodeHealth Health, string Reason) Evaluate(
        NodeHealth current,
        NodeSignals? signals,
        DateTimeOffset? lastReportAt,
        double powerBudgetWatts,
        DateTimeOffset now,
        NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (signals is null || lastReportAt is null)
        {
            return (NodeHealth.Unknown, "no report yet");
        }

        var silent = now - lastReportAt.Value;
        if (silent > options.NotReadyAfter)
        {
            return (NodeHealth.NotReady, $"no report for {F(silent.TotalSeconds)} s (expected every {F(options.ReportPeriod.TotalSeconds)} s)");
        }

        var stillHot = current == NodeHealth.Throttled && signals.TemperatureC >= options.ThermalThresholdC - options.ThermalHysteresisC;
        if (signals.TemperatureC > options.ThermalThresholdC || stillHot)
        {
            var why = signals.TemperatureC > options.ThermalThresholdC
                ? $"above {F(options.ThermalThresholdC)} °C"
                : $"not yet below {F(options.ThermalThresholdC - options.ThermalHysteresisC)} °C";
            return (NodeHealth.Throttled, $"{signals.TemperatureSensor} {F(signals.TemperatureC)} °C {why}");
        }

        if (powerBudgetWatts > 0 && signals.PowerWatts > powerBudgetWatts * options.PowerCapFactor)
        {
            return (NodeHealth.Throttled, $"drawing {F(signals.PowerWatts)} W over the {F(powerBudgetWatts)} W budget");
        }

        return (NodeHealth.Ready, "reporting");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
