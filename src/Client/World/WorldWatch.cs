using Coordination.World;
using Orleans;

namespace Coordination.Client.World;

/// <summary>A client-side change-feed subscription: an observer object reference whose lease is renewed until disposed.</summary>
internal sealed class WorldWatch(IClusterClient cluster, IWorldModelGrain world, Action<WorldChangeBatch> onChanges, TimeSpan lease)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Observer _observer = new(onChanges);
    private IWorldObserver? _reference;
    private Task? _renewal;

    public async Task StartAsync()
    {
        _reference = cluster.CreateObjectReference<IWorldObserver>(_observer);
        await world.Subscribe(_reference, lease);
        _renewal = RenewAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_renewal is not null)
        {
            await _renewal;
        }

        if (_reference is not null)
        {
            try
            {
                await world.Unsubscribe(_reference);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or ObjectDisposedException)
            {
                // The cluster is gone; the lease ends by itself.
            }

            cluster.DeleteObjectReference<IWorldObserver>(_reference);
        }

        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await world.Subscribe(_reference!, lease);
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    // Try again at the next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private sealed class Observer(Action<WorldChangeBatch> onChanges) : IWorldObserver
    {
        public Task OnWorldChanges(WorldChangeBatch batch)
        {
            onChanges(batch);
            return Task.CompletedTask;
        }
    }
}
