using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Refinement;

/// <summary>
/// Single-agent safe-interval path planning (SIPP: Phillips and Likhachev, ICRA 2011) around the paths in a
/// <see cref="PathTable"/>, with hard constraints: no vertex or swap conflict, and the agent stops on its goal only in
/// the goal's last safe interval (nobody passes it later). A state is a cell and one of its safe intervals (maximal
/// runs of timesteps when nobody is there), reached as early as possible; waiting is implicit. Unit costs, exact
/// single-agent distances as the heuristic: it finds the earliest arrival, within a budget.
/// </summary>
internal sealed class SafeIntervalSearch(GridMap map, PathTable table)
{
    private const int Forever = int.MaxValue;

    // Nodes: cell, interval index (into the interval arrays), arrival time, parent; _nodes of them are in use.
    private Node[] _node = new Node[1024];
    private int _nodes;

    // Safe intervals of the cells touched by the current search (cell -> first index and count); _intervals in use.
    private Interval[] _interval = new Interval[1024];
    private int _intervals;
    private readonly int[] _cellFirst = new int[map.CellCount];
    private readonly int[] _cellCount = new int[map.CellCount];
    private readonly int[] _cellStamp = new int[map.CellCount];
    private int _run;
    private readonly PriorityQueue<int, long> _open = new();

    /// <summary>Expansions of the last call.</summary>
    public int Expansions { get; private set; }

    /// <summary>
    /// A shortest path from <paramref name="start"/> at t=0 to <paramref name="goal"/> that arrives (for good) by
    /// <paramref name="budget"/>, or null when there is none within the budget, the expansion cap or the deadline.
    /// </summary>
    public int[]? Find(int start, int goal, int[] distance, int budget, int maxExpansions, long deadline)
    {
        Expansions = 0;
        var h0 = distance[start];
        if (h0 == DistanceField.Unreachable || h0 > budget)
        {
            return null;
        }

        var settle = table.FreeForGoodFrom(goal);
        if (settle == int.MaxValue || settle > budget)
        {
            return null;
        }

        // The agent cannot stop on its goal before it is free for good: f = max(g + h, settle) stays admissible.
        var f0 = Math.Max(h0, settle);
        _open.Clear();
        _run++;
        _nodes = 0;
        _intervals = 0;

        Intervals(start);
        if (_cellCount[start] == 0 || _interval[_cellFirst[start]].Start != 0)
        {
            return null;
        }

        var first = _cellFirst[start];
        _interval[first].Best = 0;
        Push(start, first, 0, -1, f0, h0);
        while (_open.TryDequeue(out var node, out _))
        {
            var (cell, interval, g, _) = _node[node];
            if (g > _interval[interval].Best)
            {
                continue;
            }

            var end = _interval[interval].End;
            if (cell == goal && end == Forever)
            {
                return Path(node);
            }

            if (++Expansions > maxExpansions || ((Expansions & 255) == 0 && Stopwatch.GetTimestamp() >= deadline))
            {
                return null;
            }

            foreach (var next in map.Neighbours(cell))
            {
                Intervals(next);
                var h = distance[next];
                var firstNext = _cellFirst[next];
                var countNext = _cellCount[next];
                for (var k = 0; k < countNext; k++)
                {
                    var idx = firstNext + k;
                    var a = _interval[idx].Start;
                    var b = _interval[idx].End;

                    // Arrive in [max(g + 1, a), min(end + 1, b)]: leave the current cell at most at its interval's end.
                    var earliest = Math.Max(g + 1, a);
                    var latest = end == Forever ? b : Math.Min(end + 1, b);
                    if (earliest > latest)
                    {
                        if (a > (end == Forever ? Forever : end + 1))
                        {
                            break;
                        }

                        continue;
                    }

                    // Avoid a swap: whoever is on the next cell just before must not be coming to ours.
                    var t = earliest;
                    while (t <= latest && IsSwap(cell, next, t - 1))
                    {
                        t++;
                    }

                    if (t > latest)
                    {
                        continue;
                    }

                    var f = Math.Max(t + h, settle);
                    if (f > budget || t >= _interval[idx].Best)
                    {
                        continue;
                    }

                    _interval[idx].Best = t;
                    Push(next, idx, t, node, f, h);
                }
            }
        }

        return null;
    }

    private bool IsSwap(int from, int to, int t)
    {
        var other = table.Occupant(to, t);
        return other != PathTable.None && table.Position(other, t + 1) == from;
    }

    /// <summary>Computes (once per search) the safe intervals of <paramref name="cell"/>.</summary>
    private void Intervals(int cell)
    {
        if (_cellStamp[cell] == _run)
        {
            return;
        }

        _cellStamp[cell] = _run;
        _cellFirst[cell] = _intervals;
        var parked = table.ParkedFrom(cell);
        var times = table.OccupiedTimes(cell);
        var from = 0;
        foreach (var t in times)
        {
            if (t >= parked)
            {
                break;
            }

            if (t > from)
            {
                AddInterval(from, t - 1);
            }

            from = t + 1;
        }

        if (parked == int.MaxValue)
        {
            AddInterval(from, Forever);
        }
        else if (parked > from)
        {
            AddInterval(from, parked - 1);
        }

        _cellCount[cell] = _intervals - _cellFirst[cell];
    }

    private void AddInterval(int start, int end)
    {
        if (_intervals == _interval.Length)
        {
            Array.Resize(ref _interval, _interval.Length * 2);
        }

        _interval[_intervals++] = new Interval { Start = start, End = end, Best = Forever };
    }

    /// <summary>Open list order: f, then the distance still to go (nearer the goal first), then later arrival.</summary>
    private void Push(int cell, int interval, int time, int parent, int f, int h)
    {
        if (_nodes == _node.Length)
        {
            Array.Resize(ref _node, _node.Length * 2);
        }

        _node[_nodes] = new Node(cell, interval, time, parent);
        _open.Enqueue(_nodes++, ((long)f << 42) | ((long)Math.Min(h, (1 << 21) - 1) << 21) | (uint)((1 << 21) - 1 - Math.Min(time, (1 << 21) - 1)));
    }

    private int[] Path(int node)
    {
        var path = new int[_node[node].Time + 1];
        var t = path.Length - 1;
        for (var n = node; n >= 0; n = _node[n].Parent)
        {
            // The agent waits on this node's cell from its arrival until it moves on.
            for (; t >= _node[n].Time; t--)
            {
                path[t] = _node[n].Cell;
            }
        }

        return path;
    }

    private readonly record struct Node(int Cell, int Interval, int Time, int Parent);

    /// <summary>A safe interval [Start, End] of a cell and the earliest arrival in it found so far.</summary>
    private struct Interval
    {
        public int Start;
        public int End;
        public int Best;
    }
}
