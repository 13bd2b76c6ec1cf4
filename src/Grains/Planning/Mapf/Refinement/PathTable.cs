using System.Diagnostics;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Refinement;

/// <summary>
/// The space-time occupancy of a set of paths for the LNS refinement: who is on which cell at which timestep, where
/// agents wait after their paths end, and which agents ever visit a cell. An agent stays on the last cell of its path
/// forever after the path ends.
/// </summary>
internal sealed class PathTable
{
    public const int None = -1;

    private readonly int _cells;
    private readonly int[][] _paths;
    private readonly Dictionary<long, int> _at = [];
    private readonly int[] _parkedFrom;
    private readonly int[] _parkedAgent;
    private readonly List<int>?[] _visitors;
    private readonly List<int>?[] _times;
    private readonly int[] _stamp;
    private int _run;

    /// <param name="paths">The current path of every agent; the table keeps the array and reads it.</param>
    /// <param name="deadline">Stopwatch timestamp after which building stops (<see cref="Complete"/> is then false).</param>
    public PathTable(GridMap map, int[][] paths, long deadline = long.MaxValue)
    {
        _cells = map.CellCount;
        _paths = paths;
        _parkedFrom = new int[_cells];
        _parkedAgent = new int[_cells];
        Array.Fill(_parkedFrom, int.MaxValue);
        Array.Fill(_parkedAgent, None);
        _visitors = new List<int>?[_cells];
        _times = new List<int>?[_cells];
        _stamp = new int[_cells];
        for (var i = 0; i < paths.Length; i++)
        {
            if ((i & 63) == 63 && Stopwatch.GetTimestamp() >= deadline)
            {
                return;
            }

            Add(i);
        }

        Complete = true;
    }

    /// <summary>False when the deadline stopped the construction: the table must not be used.</summary>
    public bool Complete { get; }

    /// <summary>Cell of agent <paramref name="agent"/> at timestep <paramref name="t"/> on its current path.</summary>
    public int Position(int agent, int t)
    {
        var path = _paths[agent];
        return path[Math.Min(t, path.Length - 1)];
    }

    /// <summary>Adds <c>paths[agent]</c> (as currently set) to the table.</summary>
    public void Add(int agent)
    {
        var path = _paths[agent];
        _run++;
        for (var t = 0; t < path.Length; t++)
        {
            var c = path[t];
            _at[Key(c, t)] = agent;
            var times = _times[c] ??= [];
            if (times.Count == 0 || times[^1] < t)
            {
                times.Add(t);
            }
            else
            {
                times.Insert(~times.BinarySearch(t), t);
            }
            if (_stamp[c] != _run)
            {
                _stamp[c] = _run;
                (_visitors[c] ??= []).Add(agent);
            }
        }

        var last = path[^1];
        _parkedFrom[last] = path.Length - 1;
        _parkedAgent[last] = agent;
    }

    /// <summary>Removes <c>paths[agent]</c> (as currently set) from the table.</summary>
    public void Remove(int agent)
    {
        var path = _paths[agent];
        _run++;
        for (var t = 0; t < path.Length; t++)
        {
            var c = path[t];
            _at.Remove(Key(c, t));
            var times = _times[c]!;
            times.RemoveAt(times.BinarySearch(t));
            if (_stamp[c] != _run)
            {
                _stamp[c] = _run;
                _visitors[c]!.Remove(agent);
            }
        }

        var last = path[^1];
        _parkedFrom[last] = int.MaxValue;
        _parkedAgent[last] = None;
    }

    /// <summary>The agent on <paramref name="cell"/> at timestep <paramref name="t"/> (on its path or waiting at its end), or <see cref="None"/>.</summary>
    public int Occupant(int cell, int t)
    {
        if (t >= _parkedFrom[cell])
        {
            return _parkedAgent[cell];
        }

        return _at.TryGetValue(Key(cell, t), out var a) ? a : None;
    }

    /// <summary>True when a move <paramref name="from"/> -> <paramref name="to"/> between t and t+1 conflicts with no one.</summary>
    public bool CanMove(int from, int to, int t)
    {
        if (Occupant(to, t + 1) != None)
        {
            return false;
        }

        if (from == to)
        {
            return true;
        }

        // Swap: whoever is on the target now must not be coming to our cell.
        var other = Occupant(to, t);
        return other == None || Position(other, t + 1) != from;
    }

    /// <summary>The earliest timestep from which nobody in the table is ever on <paramref name="cell"/> again.</summary>
    public int FreeForGoodFrom(int cell)
    {
        if (_parkedFrom[cell] != int.MaxValue)
        {
            return int.MaxValue;
        }

        var times = _times[cell];
        var free = times is null || times.Count == 0 ? 0 : times[^1] + 1;
        return free;
    }

    /// <summary>Timesteps (ascending) at which some path in the table is on <paramref name="cell"/>, waiting at a path's end excluded.</summary>
    public IReadOnlyList<int> OccupiedTimes(int cell) => (IReadOnlyList<int>?)_times[cell] ?? [];

    /// <summary>The timestep from which an agent waits on <paramref name="cell"/> for good (its path ended there), or <see cref="int.MaxValue"/>.</summary>
    public int ParkedFrom(int cell) => _parkedFrom[cell];

    /// <summary>The agents whose paths visit <paramref name="cell"/> at some timestep (no particular order).</summary>
    public IReadOnlyList<int> Visitors(int cell) => (IReadOnlyList<int>?)_visitors[cell] ?? [];

    private long Key(int cell, int t) => ((long)t * _cells) + cell;
}
