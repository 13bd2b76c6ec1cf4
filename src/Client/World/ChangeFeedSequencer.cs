using Coordination.World;

namespace Coordination.Client.World;

/// <summary>
/// Puts a world change feed back in order for its subscriber. Regions notify observers with one-way messages, which
/// may overtake each other on the way; a region's versions grow by one per change, so a batch that does not continue
/// what was delivered is held back, the gap is read from the region's change log, and then everything goes out in
/// version order. Every change reaches the subscriber once, each region's in version order; map announcements
/// (batches without a region) pass straight through. A region that appears after the subscription (a new map) is read
/// from the start of its log first, so its first batches may overtake each other too. When the log no longer holds the
/// gap, what is held goes out marked <see cref="WorldChangeBatch.Truncated"/> (take a snapshot).
/// </summary>
internal sealed class ChangeFeedSequencer(Func<string, long, Task<WorldChangeBatch>> readLog, Action<WorldChangeBatch> deliver)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<long, WorldChange>> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorldChangeBatch> _templates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filling = new(StringComparer.Ordinal);
    private bool _started;

    /// <summary>
    /// Versions the regions were at when the subscription took effect (regions already followed keep theirs). Batches
    /// that arrived before this call (the subscription answers after the regions start notifying) were held, and go
    /// out now from the versions given.
    /// </summary>
    public void Start(IReadOnlyDictionary<string, long> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var fills = new List<(string Region, long After)>();
        lock (_gate)
        {
            foreach (var (region, version) in versions)
            {
                _delivered.TryAdd(region, version);
            }

            _started = true;
            foreach (var region in _held.Keys)
            {
                if (Advance(region) is { } after)
                {
                    fills.Add((region, after));
                }
            }
        }

        foreach (var (region, after) in fills)
        {
            _ = FillAsync(region, after);
        }
    }

    public void Receive(WorldChangeBatch batch)
    {
        var region = batch.RegionKey;
        long? fillAfter = null;
        lock (_gate)
        {
            if (region.Length == 0)
            {
                deliver(batch);
                return;
            }

            Hold(batch);
            if (!_started)
            {
                // Before the subscription's versions are known nothing can go out: Start sorts it out.
                return;
            }

            fillAfter = Advance(region);
        }

        if (fillAfter is { } after)
        {
            _ = FillAsync(region, after);
        }
    }

    private async Task FillAsync(string region, long after)
    {
        WorldChangeBatch? log = null;
        try
        {
            log = await readLog(region, after);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The region cannot be read now: what is held goes out as it is, marked incomplete.
        }

        lock (_gate)
        {
            _filling.Remove(region);
            if (log is not null)
            {
                Hold(log);
            }

            if (!_delivered.ContainsKey(region) && _held.TryGetValue(region, out var first) && first.Count > 0)
            {
                // A new region's sequence starts at the oldest change its log holds. Without the whole log (unreadable,
                // or trimmed already) it starts at the oldest change received, and the subscriber is told of the hole.
                _delivered[region] = first.Keys[0] - 1;
                if (log is null || log.Truncated)
                {
                    Emit(region, [.. first.Values], truncated: true);
                    first.Clear();
                }
            }

            Drain(region);

            // Still held: the log lacks the versions before it (trimmed, a region restarted on a new version block,
            // or a change that was never published). Deliver in order and say the feed has a hole.
            if (_held.TryGetValue(region, out var held) && held.Count > 0)
            {
                Emit(region, [.. held.Values], truncated: true);
                held.Clear();
            }
        }
    }

    /// <summary>Keeps the changes of <paramref name="batch"/> that were not delivered yet.</summary>
    private void Hold(WorldChangeBatch batch)
    {
        if (batch.Changes.Count == 0)
        {
            return;
        }

        var region = batch.RegionKey;
        _templates[region] = batch;
        var delivered = _delivered.TryGetValue(region, out var d) ? d : long.MinValue;

        if (!_held.TryGetValue(region, out var held))
        {
            held = [];
            _held[region] = held;
        }

        foreach (var change in batch.Changes)
        {
            if (change.Version > delivered)
            {
                held[change.Version] = change;
            }
        }
    }

    /// <summary>
    /// Delivers what continues the region's sequence, and gives the version after which the region's log must be read
    /// when changes are still held (null: nothing held, or a read is under way already).
    /// </summary>
    private long? Advance(string region)
    {
        if (!_held.TryGetValue(region, out var held) || held.Count == 0)
        {
            return null;
        }

        if (!_delivered.ContainsKey(region))
        {
            // A region that appeared after the subscription (a new map): its first batch to arrive need not be its
            // first one, so its log is read from the start before anything goes out.
            return _filling.Add(region) ? 0 : null;
        }

        Drain(region);
        return held.Count > 0 && _filling.Add(region) ? _delivered[region] : null;
    }

    /// <summary>
    /// Delivers the held changes that continue the region's sequence without a gap; held changes the sequence already
    /// counts (held before the subscription's versions were known) are dropped.
    /// </summary>
    private void Drain(string region)
    {
        if (!_held.TryGetValue(region, out var held) || held.Count == 0 || !_delivered.TryGetValue(region, out var delivered))
        {
            return;
        }

        while (held.Count > 0 && held.Keys[0] <= delivered)
        {
            held.RemoveAt(0);
        }

        var next = delivered + 1;
        var ready = new List<WorldChange>();
        while (held.Count > 0 && held.Keys[0] == next)
        {
            ready.Add(held.Values[0]);
            held.RemoveAt(0);
            next++;
        }

        if (ready.Count > 0)
        {
            Emit(region, ready, truncated: false);
        }
    }

    private void Emit(string region, List<WorldChange> changes, bool truncated)
    {
        _delivered[region] = changes[^1].Version;
        deliver(_templates[region] with { Changes = changes, Truncated = truncated });
    }
}
