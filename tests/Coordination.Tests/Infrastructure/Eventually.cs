namespace Coordination.Tests.Infrastructure;

/// <summary>Polls until a condition holds, failing after a generous deadline (never asserts on how long it took).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/>; an error of the read fails at once.</summary>
    public static Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what) =>
        Poll(read, done, what, retryErrors: false, Deadline);

    /// <inheritdoc cref="Get{T}(Func{Task{T}}, Func{T, bool}, string)"/>
    public static Task<T> Get<T>(Func<T> read, Func<T, bool> done, string what) =>
        Poll(() => Task.FromResult(read()), done, what, retryErrors: false, Deadline);

    /// <summary>
    /// Polls <paramref name="read"/> until <paramref name="done"/>, reading again after an error (a silo that is
    /// restarting, a grain that moves); the last value and error are in the failure message.
    /// </summary>
    public static Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null) =>
        Poll(read, done, what, retryErrors: true, deadline ?? Deadline);

    private static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> done, string what, bool retryErrors, TimeSpan deadline)
    {
        var ct = TestContext.Current.CancellationToken;
        var until = DateTime.UtcNow + deadline;
        Exception? lastError = null;
        T last = default!;
        while (true)
        {
            try
            {
                last = await read();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (retryErrors && e is not OperationCanceledException)
            {
                lastError = e;
            }

            if (DateTime.UtcNow >= until)
            {
                Assert.Fail($"not within {deadline.TotalSeconds} s: {what}; last value: {last}{(lastError is null ? string.Empty : $"; last error: {lastError.Message}")}");
            }

            await Task.Delay(20, ct);
        }
    }
}
