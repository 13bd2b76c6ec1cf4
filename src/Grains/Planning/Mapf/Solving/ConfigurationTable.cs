namespace Coordination.Planning.Mapf.Solving;

/// <summary>Explored configurations, keyed by a 64-bit hash with collision chains compared cell by cell.</summary>
internal sealed class ConfigurationTable
{
    private readonly Dictionary<ulong, HighLevelNode> _buckets = new(1 << 12);

    public int Count { get; private set; }

    public static ulong HashOf(ReadOnlySpan<int> config)
    {
        // Two independent multiply-xorshift lanes over the cells, then a final avalanche.
        ulong a = 0x243F6A8885A308D3UL, b = 0x13198A2E03707344UL;
        var i = 0;
        for (; i + 1 < config.Length; i += 2)
        {
            a = (a ^ (uint)config[i]) * 0x9E3779B97F4A7C15UL;
            a ^= a >> 29;
            b = (b ^ (uint)config[i + 1]) * 0xC2B2AE3D27D4EB4FUL;
            b ^= b >> 31;
        }

        if (i < config.Length)
        {
            a = (a ^ (uint)config[i]) * 0x9E3779B97F4A7C15UL;
        }

        var h = a ^ (b * 0x165667B19E3779F9UL) ^ (ulong)config.Length;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    public HighLevelNode? Find(ReadOnlySpan<int> config, ulong hash)
    {
        if (!_buckets.TryGetValue(hash, out var node))
        {
            return null;
        }

        for (; node is not null; node = node.NextInBucket)
        {
            if (config.SequenceEqual(node.Config))
            {
                return node;
            }
        }

        return null;
    }

    public void Add(HighLevelNode node)
    {
        if (_buckets.TryGetValue(node.Hash, out var head))
        {
            node.NextInBucket = head.NextInBucket;
            head.NextInBucket = node;
        }
        else
        {
            _buckets[node.Hash] = node;
        }

        Count++;
    }
}
