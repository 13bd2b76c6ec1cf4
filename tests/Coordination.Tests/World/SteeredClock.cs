using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.World;

/// <summary>
/// A wall clock that runs at real speed plus whatever the test jumps it forward with <see cref="FakeTimeProvider.Advance"/>;
/// timers and stopwatch are real. Orleans runs its own timers and membership on the silo's <see cref="TimeProvider"/>:
/// a frozen clock stops a cluster from starting, a clock that only jumps forward does not. Expiry tests use jumps far
/// larger than the real time a test takes.
/// </summary>
public sealed class SteeredClock : FakeTimeProvider
{
    private readonly DateTimeOffset _origin;

    public SteeredClock()
    {
        _origin = base.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + (base.GetUtcNow() - _origin);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;
}
