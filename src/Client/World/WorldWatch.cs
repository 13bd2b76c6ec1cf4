using Coordination.World;
using Orleans;

namespace Coordination.Client.World;

/// <summary>
/// A client-side change-feed subscription: an observer object reference whose lease is renewed until disposed. Each
/// region's changes reach <c>onChanges</c> once and in version order (see <see cref="ChangeFeedSequencer"/>).
/// </summary>
internal sealed class WorldWatch : IAsyncDisposable
{
    private readonly IWorldModelGrain _world;
    private readonly TimeSpan _lease;
    private readonly IClusterClient _cluster;
    private readonly CancellationTokenSource _stop = new();
    private readonly ChangeFeedSequencer _sequencer;
    private readonly Observer _observer;
    private IWorldObserver? _reference;
    private Task? _renewal;

    public WorldWatch(IClusterClient cluster, IWorldModelGrain world, Action<WorldChangeBatch> onChanges, TimeSpan lease)
    {
        _cluster = cluster;
        _world = world;
        _lease = lease;
        _sequencer = new ChangeFeedSequencer((region, after) => cluster.GetGrain<IWorldRegionGrain>(region).GetChanges(after), onChanges);
        _observer = new Observer(_sequencer);
    }

    public async Task StartAsync()
    {
        _reference = _cluster.CreateObjectReference<IWorldObserver>(_observer);
        _sequencer.Start(await _world.Subscribe(_reference, _lease));
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
                await _world.Unsubscribe(_reference);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or ObjectDisposedException)
            {
                // The cluster is gone; the lease ends by itself.
            }

            _cluster.DeleteObjectReference<IWorldObserver>(_reference);
        }

        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    // Only the first subscription's versions start the sequences: a renewal's may already count
                    // changes still on their way.
                    await _world.Subscribe(_reference!, _lease);
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

    private sealed class Observer(ChangeFeedSequencer sequencer) : IWorldObserver
    {
        public Task OnWorldChanges(WorldChangeBatch batch)
        {
            sequencer.Receive(batch);
            return Task.CompletedTask;
        }
    }
}
