namespace Coordination.Fleet;

/// <summary>The trivial grain of the telemetry benchmark's baseline.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
