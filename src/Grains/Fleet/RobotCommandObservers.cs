namespace Coordination.Fleet;

/// <summary>
/// The command observers of one twin, each with a lease (expired ones are dropped when commands go out or leases
/// are counted). Uses the injected clock, so leases follow the silo's <see cref="TimeProvider"/>.
/// </summary>
public sealed class RobotCommandObservers(TimeProvider clock, TimeSpan lease)
{
    private readonly Dictionary<IRobotCommandObserver, DateTimeOffset> _expiry = [];

    public TimeSpan Lease => lease;

    public int Count
    {
        get
        {
            DropExpired();
            return _expiry.Count;
        }
    }

    public void Subscribe(IRobotCommandObserver observer) => _expiry[observer] = clock.GetUtcNow() + lease;

    public void Unsubscribe(IRobotCommandObserver observer) => _expiry.Remove(observer);

    /// <summary>Sends the command to every live observer (one-way); an observer that fails at once is dropped.</summary>
    public int Notify(RobotCommand command)
    {
        DropExpired();
        List<IRobotCommandObserver>? failed = null;
        foreach (var observer in _expiry.Keys)
        {
            try
            {
                _ = observer.OnCommand(command);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (failed ??= []).Add(observer);
            }
        }

        foreach (var observer in failed ?? [])
        {
            _expiry.Remove(observer);
        }

        return _expiry.Count;
    }

    private void DropExpired()
    {
        if (_expiry.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        List<IRobotCommandObserver>? expired = null;
        foreach (var (observer, until) in _expiry)
        {
            if (until <= now)
            {
                (expired ??= []).Add(observer);
            }
        }

        foreach (var observer in expired ?? [])
        {
            _expiry.Remove(observer);
        }
    }
}
