using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Tests.Solving;

/// <summary>Test oracle: breadth-first search over joint configurations of a tiny instance decides solvability.</summary>
internal static class ExhaustiveSearch
{
    public static bool IsSolvable(GridMap map, int[] starts, int[] goals)
    {
        var n = starts.Length;
        long Encode(int[] c)
        {
            long key = 0;
            foreach (var cell in c)
            {
                key = (key * map.CellCount) + cell;
            }

            return key;
        }

        var seen = new HashSet<long> { Encode(starts) };
        var queue = new Queue<int[]>();
        queue.Enqueue(starts);
        var next = new int[n];
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            if (c.AsSpan().SequenceEqual(goals))
            {
                return true;
            }

            void Assign(int agent)
            {
                if (agent == n)
                {
                    var copy = (int[])next.Clone();
                    if (seen.Add(Encode(copy)))
                    {
                        queue.Enqueue(copy);
                    }

                    return;
                }

                var options = new List<int> { c[agent] };
                options.AddRange(map.Neighbours(c[agent]).ToArray());
                foreach (var v in options)
                {
                    var ok = true;
                    for (var j = 0; j < agent && ok; j++)
                    {
                        ok = next[j] != v && !(next[j] == c[agent] && v == c[j]);
                    }

                    if (ok)
                    {
                        next[agent] = v;
                        Assign(agent + 1);
                    }
                }
            }

            Assign(0);
        }

        return false;
    }
}
