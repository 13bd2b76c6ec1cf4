using System.Globalization;
using System.Text;

namespace Coordination.Simulation.Nodes;

/// <summary>
/// A simulated Jetson that prints JetPack 6 tegrastats lines: GPU load follows the workloads placed on it, the
/// temperature drifts towards a load-dependent equilibrium (heat-up), and above the power budget the GPU clock
/// is capped (power capping), which also caps the load it can serve.
/// </summary>
public sealed class SimulatedJetson
{
    private readonly Random _random;
    private double _temperature;

    public SimulatedJetson(string name, string profileId, string zone, int memoryMiB, int cpuCores, double powerBudgetWatts, int seed)
    {
        Name = name;
        ProfileId = profileId;
        Zone = zone;
        MemoryMiB = memoryMiB;
        CpuCores = cpuCores;
        PowerBudgetWatts = powerBudgetWatts;
        _random = new Random(seed);
        _temperature = 38 + _random.NextDouble() * 4;
    }

    public string Name { get; }

    public string ProfileId { get; }

    public string Zone { get; }

    public int MemoryMiB { get; }

    public int CpuCores { get; }

    public double PowerBudgetWatts { get; }

    /// <summary>GPU demand of the workloads placed here, 0..1 or more (more than 1 saturates).</summary>
    public double Demand { get; set; }

    /// <summary>A failed node stops reporting.</summary>
    public bool Failed { get; set; }

    public double LastGpuLoad { get; private set; }

    public double LastPowerWatts { get; private set; }

    public bool PowerCapped { get; private set; }

    public double Temperature => _temperature;

    /// <summary>Advances the node by <paramref name="seconds"/> and prints the tegrastats line of that moment.</summary>
    public string Sample(double seconds)
    {
        var load = Math.Clamp(Demand + ((_random.NextDouble() - 0.5) * 0.04), 0, 1);
        var power = (PowerBudgetWatts * 0.25) + (PowerBudgetWatts * 0.85 * load);
        PowerCapped = power > PowerBudgetWatts;
        var frequency = 1300;
        if (PowerCapped)
        {
            var scale = PowerBudgetWatts / power;
            frequency = (int)(frequency * scale);
            load = Math.Min(load, scale);
            power = PowerBudgetWatts;
        }

        var equilibrium = 38 + (50 * load);
        _temperature += (equilibrium - _temperature) * Math.Min(1, seconds / 20.0);
        LastGpuLoad = load;
        LastPowerWatts = power;

        var inv = CultureInfo.InvariantCulture;
        var used = (int)(MemoryMiB * (0.2 + (0.6 * load)));
        var sb = new StringBuilder();
        sb.Append(inv, $"RAM {used}/{MemoryMiB}MB (lfb 4x4MB) SWAP 0/{MemoryMiB / 2}MB (cached 0MB) CPU [");
        for (var c = 0; c < CpuCores; c++)
        {
            if (c > 0)
            {
                sb.Append(',');
            }

            sb.Append(inv, $"{(int)Math.Clamp((load * 60) + _random.Next(15), 0, 100)}%@2201");
        }

        var gpuMw = (int)(power * 1000 * 0.6);
        var cpuMw = (int)(power * 1000 * 0.25);
        var totalMw = (int)(power * 1000);
        sb.Append(inv, $"] GR3D_FREQ {(int)(load * 100)}%@{frequency} cpu@{_temperature + 2:0.###}C gpu@{_temperature:0.###}C tj@{_temperature + 3:0.#}C ");
        sb.Append(inv, $"VDD_GPU_SOC {gpuMw}mW/{gpuMw}mW VDD_CPU_CV {cpuMw}mW/{cpuMw}mW VIN_SYS_5V0 {totalMw}mW/{totalMw}mW");
        return sb.ToString();
    }
}
