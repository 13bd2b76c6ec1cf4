namespace Coordination.World;

/// <summary>Change-feed subscribers, each until its lease ends.</summary>
public sealed class WorldObserverSet
{
    private readonly Dictionary<IWorldObserver, DateTimeOffset> _observers = [];

    public int Count => _observers.Count;

    public IEnumerable<KeyValuePair<IWorldObserver, DateTimeOffset>> Live(DateTimeOffset now) =>
        _observers.Where(o => o.Value > now).ToList();

    public void Add(IWorldObserver observer, DateTimeOffset until) => _observers[observer] = until;

    public bool Remove(IWorldObserver observer) => _observers.Remove(observer);

    public void Clear() => _observers.Clear();

    /// <summary>Sends the batch to every observer whose lease has not ended (one-way), dropping the others.</summary>
    public void Notify(WorldChangeBatch batch, DateTimeOffset now)
    {
        if (_observers.Count == 0 || batch.Changes.Count == 0)
        {
            return;
        }

        List<IWorldObserver>? expired = null;
        foreach (var (observer, until) in _observers)
        {
            if (until <= now)
            {
                (expired ??= []).Add(observer);
                continue;
            }

            _ = observer.OnWorldChanges(batch);
        }

        foreach (var observer in expired ?? [])
        {
            _observers.Remove(observer);
        }
    }
}
