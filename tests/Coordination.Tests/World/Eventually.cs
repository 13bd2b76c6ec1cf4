namespace Coordination.Tests.World;

/// <summary>Waits for a condition with a generous deadline (never asserts on how long it took).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"not within {Deadline.TotalSeconds} s: {what}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static Task<T> Get<T>(Func<T> read, Func<T, bool> done, string what) =>
        Get(() => Task.FromResult(read()), done, what);
}
