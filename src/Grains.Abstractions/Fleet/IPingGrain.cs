namespace Coordination.Fleet;

/// <summary>A trivial grain: the baseline of the telemetry benchmark (raw call throughput).</summary>
[Alias("Coordination.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}
