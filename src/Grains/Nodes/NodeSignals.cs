using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>What a tegrastats sample means for scheduling: utilizations, memory pressure, temperature, power.</summary>
/// <param name="GpuUtilization">GR3D load, 0–1 (0 when not reported).</param>
/// <param name="CpuUtilization">Mean load of the online cores, 0–1.</param>
/// <param name="MemoryPressure">RAM used / total, 0–1.</param>
/// <param name="TemperatureC">tj when reported, else the hottest sensor (PMIC and disconnected sensors excluded); 0 when none.</param>
/// <param name="TemperatureSensor">The sensor <see cref="TemperatureC"/> comes from.</param>
/// <param name="PowerWatts">The input rail (VDD_IN, VIN_SYS_5V0, POM_5V_IN, ...), else the sum of the rails.</param>
public sealed record NodeSignals(
    double GpuUtilization,
    double CpuUtilization,
    double MemoryPressure,
    double TemperatureC,
    string TemperatureSensor,
    double PowerWatts)
{
    /// <summary>Disconnected sensors read -256 °C; anything this cold is not a reading.</summary>
    public const double ColdestReading = -40;

    public static NodeSignals From(TegrastatsSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var gpu = (sample.GpuLoadPercent ?? 0) / 100.0;
        var online = sample.Cpus.Where(c => c.Online).ToList();
        var cpu = online.Count == 0 ? 0 : online.Average(c => c.LoadPercent) / 100.0;
        var memory = sample.RamTotalMiB <= 0 ? 0 : (double)sample.RamUsedMiB / sample.RamTotalMiB;
        var (sensor, temperature) = Hottest(sample.TemperaturesC);
        return new NodeSignals(gpu, cpu, memory, temperature, sensor, InputWatts(sample.PowerRails));
    }

    private static (string Sensor, double Celsius) Hottest(IReadOnlyDictionary<string, double> temperatures)
    {
        foreach (var (name, value) in temperatures)
        {
            if (string.Equals(name, "tj", StringComparison.OrdinalIgnoreCase) && value > ColdestReading)
            {
                return (name, value);
            }
        }

        var best = (Sensor: string.Empty, Celsius: 0.0);
        foreach (var (name, value) in temperatures)
        {
            if (value > ColdestReading && !name.Contains("PMIC", StringComparison.OrdinalIgnoreCase) && (best.Sensor.Length == 0 || value > best.Celsius))
            {
                best = (name, value);
            }
        }

        return best;
    }

    private static double InputWatts(IReadOnlyList<PowerRailReading> rails)
    {
        foreach (var rail in rails)
        {
            var n = rail.Name;
            if (n.EndsWith("_IN", StringComparison.Ordinal) || n.StartsWith("VIN", StringComparison.Ordinal) || n.Contains("_IN_", StringComparison.Ordinal))
            {
                return rail.CurrentMilliwatts / 1000.0;
            }
        }

        return rails.Sum(r => r.CurrentMilliwatts) / 1000.0;
    }
}
