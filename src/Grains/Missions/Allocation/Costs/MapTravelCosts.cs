using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// Shortest 4-connected path lengths on a map. Usually lazy: one resumable search per task (<see cref="GridSearches"/>),
/// advanced only as far as the matcher asks. When robots are fewer than half the tasks, one complete search per robot
/// instead, on a byte copy of the grid (one bit: blocked or reached; another: a task stands here).
/// </summary>
internal sealed class MapTravelCosts(GridMap map) : TravelCosts
{
    private const byte Closed = 1;
    private const byte TargetHere = 2;

    public override GridMap? Map => map;

    internal override TaskEdges Build(AllocationProblem problem, Eligibility eligibility, EligibleSets eligible)
    {
        var grid = new PaddedGrid(map);
        if (eligible.ActiveRobots * 2 >= eligible.ActiveTasks)
        {
            var searches = new GridSearches(grid, problem, eligibility, eligible);
            var lazy = new TaskEdges(problem.Tasks.Count, problem.Robots.Count, searches);
            searches.MarkUnreachable(lazy);
            return lazy;
        }

        var edges = new TaskEdges(problem.Tasks.Count, problem.Robots.Count);
        var taskCell = problem.Tasks.Select(t => grid.Cell(t.X, t.Y)).ToArray();
        var firstAt = new int[grid.CellCount];
        Array.Fill(firstAt, -1);
        var nextAt = new int[taskCell.Length];
        for (var t = taskCell.Length - 1; t >= 0; t--)
        {
            nextAt[t] = firstAt[taskCell[t]];
            firstAt[taskCell[t]] = t;
        }

        var template = new byte[grid.CellCount];
        for (var cell = 0; cell < template.Length; cell++)
        {
            template[cell] = !grid.Open[cell] ? Closed : firstAt[cell] >= 0 ? TargetHere : (byte)0;
        }

        var tasksByRobot = eligible.TasksByRobot();
        var search = new FullSearch(template, grid.Stride, firstAt, nextAt, taskCell.Length);
        for (var r = 0; r < problem.Robots.Count; r++)
        {
            if (tasksByRobot[r].Count > 0)
            {
                var robot = problem.Robots[r];
                search.Run(r, grid.Cell(robot.X, robot.Y), tasksByRobot[r], edges);
            }
        }

        edges.SortAll();
        return edges;
    }

    /// <summary>Buffers for complete searches from robots, reused from one robot to the next.</summary>
    private sealed class FullSearch(byte[] template, int stride, int[] firstAt, int[] nextAt, int taskCount)
    {
        private readonly byte[] _state = new byte[template.Length];
        private readonly int[] _queue = new int[template.Length];
        private readonly int[] _wanted = new int[taskCount];
        private int _stamp;

        public void Run(int robot, int start, List<int> tasks, TaskEdges edges)
        {
            var stamp = ++_stamp;
            foreach (var t in tasks)
            {
                _wanted[t] = stamp;
            }

            template.AsSpan().CopyTo(_state);
            ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
            ref var queue = ref MemoryMarshal.GetArrayDataReference(_queue);
            var remaining = tasks.Count;
            int head = 0, tail = 0;
            Unsafe.Add(ref state, start) |= Closed;
            Unsafe.Add(ref queue, tail++) = start;
            var levelEnd = tail;
            var distance = 0;
            while (head < tail)
            {
                if (head == levelEnd)
                {
                    distance++;
                    levelEnd = tail;
                }

                var cell = Unsafe.Add(ref queue, head++);
                if ((Unsafe.Add(ref state, cell) & TargetHere) != 0)
                {
                    for (var t = firstAt[cell]; t >= 0; t = nextAt[t])
                    {
                        if (_wanted[t] == stamp)
                        {
                            edges.Add(t, robot, distance);
                            if (--remaining == 0)
                            {
                                return;
                            }
                        }
                    }
                }

                // The border is closed, so neighbours never leave the array.
                Visit(ref state, ref queue, ref tail, cell - 1);
                Visit(ref state, ref queue, ref tail, cell + 1);
                Visit(ref state, ref queue, ref tail, cell - stride);
                Visit(ref state, ref queue, ref tail, cell + stride);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Visit(ref byte state, ref int queue, ref int tail, int n)
        {
            ref var s = ref Unsafe.Add(ref state, n);
            if ((s & Closed) == 0)
            {
                s |= Closed;
                Unsafe.Add(ref queue, tail++) = n;
            }
        }
    }
}
