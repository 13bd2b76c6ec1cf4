namespace Coordination.Missions.Allocation;

/// <summary>A binary min-heap of node ids <c>0..capacity-1</c> keyed by <see cref="long"/>, with decrease-key.</summary>
internal sealed class IndexedMinHeap
{
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly long[] _key;
    private int _count;

    public IndexedMinHeap(int capacity)
    {
        _heap = new int[capacity];
        _position = new int[capacity];
        _key = new long[capacity];
        Array.Fill(_position, -1);
    }

    public int Count => _count;

    /// <summary>The smallest key, or <see cref="long.MaxValue"/> when empty.</summary>
    public long MinKey => _count == 0 ? long.MaxValue : _key[_heap[0]];

    /// <summary>Inserts <paramref name="node"/>, or lowers its key if it is already queued with a higher one.</summary>
    public void PushOrDecrease(int node, long key)
    {
        var i = _position[node];
        if (i < 0)
        {
            i = _count++;
            _heap[i] = node;
            _position[node] = i;
            _key[node] = key;
        }
        else if (key < _key[node])
        {
            _key[node] = key;
        }
        else
        {
            return;
        }

        SiftUp(i);
    }

    public int PopMin(out long key)
    {
        var top = _heap[0];
        key = _key[top];
        _position[top] = -1;
        _count--;
        if (_count > 0)
        {
            var last = _heap[_count];
            _heap[0] = last;
            _position[last] = 0;
            SiftDown(0);
        }

        return top;
    }

    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _position[_heap[i]] = -1;
        }

        _count = 0;
    }

    private void SiftUp(int i)
    {
        var node = _heap[i];
        var key = _key[node];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            var p = _heap[parent];
            if (_key[p] <= key)
            {
                break;
            }

            _heap[i] = p;
            _position[p] = i;
            i = parent;
        }

        _heap[i] = node;
        _position[node] = i;
    }

    private void SiftDown(int i)
    {
        var node = _heap[i];
        var key = _key[node];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            var c = _heap[child];
            var right = child + 1;
            if (right < _count && _key[_heap[right]] < _key[c])
            {
                child = right;
                c = _heap[right];
            }

            if (_key[c] >= key)
            {
                break;
            }

            _heap[i] = c;
            _position[c] = i;
            i = child;
        }

        _heap[i] = node;
        _position[node] = i;
    }
}
