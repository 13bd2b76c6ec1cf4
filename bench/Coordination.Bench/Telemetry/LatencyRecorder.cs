using System.Diagnostics;

namespace Coordination.Bench.Telemetry;

/// <summary>Per-caller latency samples (no locking: one recorder per caller), merged for percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<float> _ms = new(1024);

    public long Count { get; private set; }

    public long Errors { get; private set; }

    public void Add(long startTimestamp)
    {
        _ms.Add((float)Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        Count++;
    }

    public void Error() => Errors++;

    public static (double P50, double P99) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._ms).ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(all);
        return (At(all, 0.50), At(all, 0.99));
    }

    private static double At(float[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
