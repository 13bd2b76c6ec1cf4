namespace Coordination.Tests.Fleet;

/// <summary>Waits for a condition with a generous deadline (never asserts on how long it took).</summary>
public static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        var ct = TestContext.Current.CancellationToken;
        while (true)
        {
            T value;
            try
            {
                value = await read();
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50, ct);
                continue;
            }

            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= until)
            {
                Assert.Fail($"timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(50, ct);
        }
    }
}
