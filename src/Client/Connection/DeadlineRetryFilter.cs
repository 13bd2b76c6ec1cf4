using Orleans;

namespace Coordination.Client.Connection;

/// <summary>Retries the first connection with a growing pause until a deadline passes.</summary>
internal sealed class DeadlineRetryFilter(TimeSpan timeout, TimeProvider clock) : IClientConnectionRetryFilter
{
    private readonly DateTimeOffset _deadline = clock.GetUtcNow() + timeout;
    private TimeSpan _pause = TimeSpan.FromMilliseconds(100);

    public Exception? LastError { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LastError = exception;
        var left = _deadline - clock.GetUtcNow();
        if (left <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var pause = _pause < left ? _pause : left;
        _pause = TimeSpan.FromMilliseconds(Math.Min(_pause.TotalMilliseconds * 2, 1000));
        await Task.Delay(pause, clock, cancellationToken);
        return true;
    }
}
