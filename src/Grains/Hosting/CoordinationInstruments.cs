using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Coordination.Hosting;

/// <summary>The product's own trace source and meter (exported next to Orleans' own).</summary>
public static class CoordinationInstruments
{
    public const string SourceName = "Coordination";
    public const string MeterName = "Coordination";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);
}
