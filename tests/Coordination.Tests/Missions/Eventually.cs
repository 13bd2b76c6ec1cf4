namespace Coordination.Tests.Missions;

/// <summary>Polls until a condition holds, failing after a generous deadline (never asserts on durations).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var until = DateTime.UtcNow + (deadline ?? Deadline);
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lastError = e;
            }

            if (DateTime.UtcNow >= until)
            {
                Assert.Fail($"timed out waiting for {what}; last value: {last}{(lastError is null ? string.Empty : $"; last error: {lastError.Message}")}");
            }

            await Task.Delay(50, ct);
        }
    }
}
