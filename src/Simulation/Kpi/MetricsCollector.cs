using System.Diagnostics.Metrics;
using Coordination.Hosting;

namespace Coordination.Simulation.Kpi;

/// <summary>
/// Listens to the product's own <c>Coordination</c> meter in this process (every silo of the in-process cluster
/// records there): counters are summed, histograms kept as samples.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);

    public MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CoordinationInstruments.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Record(i, v));
        _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Record(i, v));
        _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Record(i, v));
        _listener.Start();
    }

    public double Sum(string instrument)
    {
        lock (_sums)
        {
            return _sums.GetValueOrDefault(instrument);
        }
    }

    public IReadOnlyList<double> Samples(string instrument)
    {
        lock (_sums)
        {
            return _samples.TryGetValue(instrument, out var list) ? [.. list] : [];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value)
    {
        lock (_sums)
        {
            _sums[instrument.Name] = _sums.GetValueOrDefault(instrument.Name) + value;
            if (instrument is Histogram<double> or Histogram<long> or Histogram<int>)
            {
                if (!_samples.TryGetValue(instrument.Name, out var list))
                {
                    _samples[instrument.Name] = list = [];
                }

                if (list.Count < 1_000_000)
                {
                    list.Add(value);
                }
            }
        }
    }
}
