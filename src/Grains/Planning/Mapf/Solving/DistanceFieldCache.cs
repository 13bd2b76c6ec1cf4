using System.Runtime.CompilerServices;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// A bounded, thread-safe, least-recently-used cache of <see cref="DistanceField"/>s keyed by map instance and goal cell.
/// A long-lived caller (e.g. a planner grain) keeps one and passes it to <see cref="MapfPlanner"/> so that repeated
/// calls on the same map do not recompute the breadth-first searches of goals seen before.
/// </summary>
public sealed class DistanceFieldCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _hits;
    private long _misses;

    /// <param name="capacity">The most fields kept; the least recently used ones are dropped first.</param>
    public DistanceFieldCache(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The distance field to <paramref name="goal"/> on <paramref name="map"/>, computed on a miss.</summary>
    public DistanceField GetOrCompute(GridMap map, int goal)
    {
        if (TryGet(map, goal, out var field))
        {
            return field;
        }

        field = DistanceField.Compute(map, goal);
        Add(map, field);
        return field;
    }

    public bool TryGet(GridMap map, int goal, out DistanceField field)
    {
        ArgumentNullException.ThrowIfNull(map);
        lock (_lock)
        {
            if (_entries.TryGetValue(new Key(map, goal), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                _hits++;
                field = node.Value.Field;
                return true;
            }

            _misses++;
        }

        field = null!;
        return false;
    }

    public void Add(GridMap map, DistanceField field)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(field);
        lock (_lock)
        {
            var key = new Key(map, field.Target);
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _entries.Remove(key);
            }

            var node = _recency.AddFirst(new Entry(key, field));
            _entries[key] = node;
            while (_entries.Count > Capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private readonly record struct Entry(Key Key, DistanceField Field);

    private readonly struct Key(GridMap map, int goal) : IEquatable<Key>
    {
        private readonly GridMap _map = map;
        private readonly int _goal = goal;

        public bool Equals(Key other) => ReferenceEquals(_map, other._map) && _goal == other._goal;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_map), _goal);
    }
}
