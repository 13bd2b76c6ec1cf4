using System.Globalization;

namespace Coordination.Placement;

/// <summary>
/// Desired replicas of workloads from robotics KPIs, in the manner of the Kubernetes HPA: ratio of the KPI
/// average (latest reading of every fresh reporter) to its per-replica target, a tolerance band around 1,
/// min/max bounds, and stabilization windows over past recommendations (scale up to the lowest recommendation of
/// the up window, down to the highest of the down window: a short up window scales up quickly, a long down
/// window scales down slowly, and neither flaps). Pure: time is passed in. Not thread-safe (one grain owns it).
/// </summary>
public sealed class Autoscaler(TimeSpan kpiMaxAge)
{
    private readonly Dictionary<(string Workload, string Kpi), Dictionary<string, (double Value, DateTimeOffset At)>> _readings = [];
    private readonly Dictionary<string, List<(DateTimeOffset At, int Replicas)>> _history = new(StringComparer.Ordinal);

    /// <summary>Records a reading (replacing the reporter's previous one).</summary>
    public void Record(KpiSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var key = (sample.Workload, sample.Kpi);
        if (!_readings.TryGetValue(key, out var sources))
        {
            sources = new Dictionary<string, (double, DateTimeOffset)>(StringComparer.Ordinal);
            _readings[key] = sources;
        }

        if (!sources.TryGetValue(sample.Source, out var previous) || previous.At <= sample.At)
        {
            sources[sample.Source] = (sample.Value, sample.At);
        }
    }

    /// <summary>The average of the fresh readings of a KPI, or <c>null</c> when there is none.</summary>
    public double? Average(string workload, string kpi, DateTimeOffset now)
    {
        if (!_readings.TryGetValue((workload, kpi), out var sources))
        {
            return null;
        }

        var stale = sources.Where(s => now - s.Value.At > kpiMaxAge).Select(s => s.Key).ToList();
        foreach (var source in stale)
        {
            sources.Remove(source);
        }

        return sources.Count == 0 ? null : sources.Values.Average(v => v.Value);
    }

    /// <summary>The replicas <paramref name="workload"/> should have now, given its policy and current replicas.</summary>
    public AutoscaleRecommendation Recommend(string workload, WorkloadAutoscaling policy, int currentReplicas, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var average = Average(workload, policy.Kpi, now);
        int raw;
        string why;
        if (average is not { } value)
        {
            raw = currentReplicas;
            why = $"no fresh {policy.Kpi} reading";
        }
        else
        {
            var ratio = value / policy.TargetPerReplica;
            if (currentReplicas == 0)
            {
                raw = (int)Math.Ceiling(ratio - 1e-9);
            }
            else if (Math.Abs(ratio - 1) <= policy.Tolerance)
            {
                raw = currentReplicas;
            }
            else
            {
                raw = (int)Math.Min(int.MaxValue, Math.Ceiling((currentReplicas * ratio) - 1e-9));
            }

            why = string.Create(CultureInfo.InvariantCulture, $"{policy.Kpi} {value:0.###} per replica vs target {policy.TargetPerReplica:0.###} (tolerance {policy.Tolerance:0.##})");
        }

        raw = Math.Clamp(raw, policy.MinReplicas, policy.MaxReplicas);
        if (!_history.TryGetValue(workload, out var history))
        {
            history = [];
            _history[workload] = history;
        }

        history.Add((now, raw));
        var keep = policy.ScaleUpStabilization > policy.ScaleDownStabilization ? policy.ScaleUpStabilization : policy.ScaleDownStabilization;
        history.RemoveAll(h => now - h.At > keep);

        var desired = currentReplicas;
        if (raw > currentReplicas)
        {
            var lowestRecent = history.Where(h => now - h.At <= policy.ScaleUpStabilization).Min(h => h.Replicas);
            desired = Math.Max(currentReplicas, Math.Min(raw, lowestRecent));
            if (desired == currentReplicas)
            {
                why += $"; scale-up held by the {policy.ScaleUpStabilization.TotalSeconds:0}s stabilization window";
            }
        }
        else if (raw < currentReplicas)
        {
            var highestRecent = history.Where(h => now - h.At <= policy.ScaleDownStabilization).Max(h => h.Replicas);
            desired = Math.Min(currentReplicas, Math.Max(raw, highestRecent));
            if (desired == currentReplicas)
            {
                why += $"; scale-down held by the {policy.ScaleDownStabilization.TotalSeconds:0}s stabilization window";
            }
        }

        desired = Math.Clamp(desired, policy.MinReplicas, policy.MaxReplicas);
        return new AutoscaleRecommendation(desired, average, why);
    }

    /// <summary>Forgets a workload's readings and history (its policy was removed).</summary>
    public void Forget(string workload)
    {
        _history.Remove(workload);
        foreach (var key in _readings.Keys.Where(k => k.Workload == workload).ToList())
        {
            _readings.Remove(key);
        }
    }
}
