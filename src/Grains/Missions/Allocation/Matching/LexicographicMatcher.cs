namespace Coordination.Missions.Allocation;

/// <summary>
/// Exact lexicographic assignment: the most tasks of the highest priority, then of the next one, and so on, then the
/// minimum total cost among all such assignments.
/// </summary>
/// <remarks>
/// <para>
/// Priority levels are added from highest to lowest. Within a level this is successive shortest paths with
/// potentials (Dijkstra on reduced costs) on the sparse bipartite graph of eligible pairs: each round finds, from all
/// still-free tasks of the level at once, the cheapest alternating path to a free robot and flips it, so tasks already
/// matched stay matched and the matching is of minimum cost for its size after every round.
/// </para>
/// <para>
/// Why this is the lexicographic optimum: give a task of level i the weight W_i, with W_i dominating every lower level
/// and every cost sum. The matched task sets form a transversal matroid, so the optimum matches as many level-1 tasks
/// as possible, then level-2 ones, and so on. When level i+1 starts, the matching is optimal for levels 1..i and
/// maximum there; a free task with no augmenting path never gets one later, so every shortest augmenting path of the
/// weighted problem starts at a free level-(i+1) task, they all carry the same weight, and the shortest one by cost is
/// exactly what Dijkstra finds. The weights never need to be represented.
/// </para>
/// <para>
/// Potentials: reduced cost <c>c + p(task) - p(robot)</c> is non-negative on every non-matching edge and zero on
/// matching edges; robot potentials never rise above 0 and free robots stay at 0, so the first free robot Dijkstra
/// settles ends the round. After a round every settled node moves by <c>d - D*</c> (<c>D*</c> the label of the free
/// robot reached), which keeps both invariants. A new level's task starts at <c>p(t) = max(p(r) - c)</c> over its
/// edges, bounded by <c>-(k + 1)</c> when only the edges up to cost <c>k</c> are known yet.
/// </para>
/// <para>
/// Edges are scanned by increasing cost. Since <c>-p(robot) &gt;= 0</c>, <c>label + p(task) + c</c> bounds every
/// remaining candidate of a task from below: the scan stops for good once that reaches the best free robot found so
/// far, and pauses (the task goes back into the heap under that bound) once it exceeds the smallest queued label.
/// That is what lets distance searches run lazily: a task's next cost level is computed only when its bound comes up.
/// When edges come with candidate lists (reachability without costs), each round first checks by a plain alternating
/// search that an augmenting path exists at all, so the last, fruitless round of a level costs no distances.
/// </para>
/// </remarks>
internal sealed class LexicographicMatcher
{
    private readonly TaskEdges _edges;
    private readonly int _robotCount;
    private readonly int[] _robotOfTask;
    private readonly int[] _taskOfRobot;
    private readonly long[] _taskPotential;
    private readonly long[] _robotPotential;
    private readonly IndexedMinHeap _heap;
    private readonly long[] _robotLabel;
    private readonly long[] _taskLabel;
    private readonly int[] _robotSeen;
    private readonly int[] _robotSettled;
    private readonly int[] _taskSettled;
    private readonly int[] _cursor;
    private readonly int[] _predecessor;
    private readonly List<int> _settledTasks = [];
    private readonly List<int> _settledRobots = [];
    private readonly int[] _taskMark;
    private readonly int[] _robotMark;
    private readonly List<int> _queue = [];
    private int _round;
    private int _mark;
    private long _best;

    private LexicographicMatcher(TaskEdges edges)
    {
        _edges = edges;
        var taskCount = edges.TaskCount;
        _robotCount = edges.RobotCount;
        _robotOfTask = new int[taskCount];
        _taskOfRobot = new int[_robotCount];
        Array.Fill(_robotOfTask, -1);
        Array.Fill(_taskOfRobot, -1);
        _taskPotential = new long[taskCount];
        _robotPotential = new long[_robotCount];
        _heap = new IndexedMinHeap(_robotCount + taskCount);
        _robotLabel = new long[_robotCount];
        _taskLabel = new long[taskCount];
        _robotSeen = new int[_robotCount];
        _robotSettled = new int[_robotCount];
        _taskSettled = new int[taskCount];
        _cursor = new int[taskCount];
        _predecessor = new int[_robotCount];
        _taskMark = new int[taskCount];
        _robotMark = new int[_robotCount];
    }

    /// <summary>Returns the robot index of each task, or -1.</summary>
    public static int[] Solve(TaskEdges edges, IReadOnlyList<int> priority)
    {
        var matcher = new LexicographicMatcher(edges);
        matcher.Run(priority);
        return matcher._robotOfTask;
    }

    private void Run(IReadOnlyList<int> priority)
    {
        var freeRobots = _robotCount;
        var levels = Enumerable.Range(0, _edges.TaskCount)
            .Where(t => !_edges.IsEmpty(t))
            .GroupBy(t => priority[t])
            .OrderByDescending(g => g.Key);
        foreach (var level in levels)
        {
            if (freeRobots == 0)
            {
                break;
            }

            var free = level.ToList();
            var sourcePotential = long.MinValue;
            foreach (var t in free)
            {
                var known = _edges.Known[t];
                var p = known == TaskEdges.Complete ? long.MinValue : -(known + 1L);
                var robots = _edges.Robots[t];
                var costs = _edges.Costs[t];
                for (var e = 0; e < _edges.Counts[t]; e++)
                {
                    p = Math.Max(p, _robotPotential[robots[e]] - costs[e]);
                }

                _taskPotential[t] = p;
                sourcePotential = Math.Max(sourcePotential, p);
            }

            while (free.Count > 0 && freeRobots > 0)
            {
                if (_edges.HasCandidates && !AugmentingPathExists(free))
                {
                    break;
                }

                var reached = ShortestPath(free, sourcePotential);
                if (reached < 0)
                {
                    // No free task of this level can reach a free robot: the level is done (and stays done).
                    break;
                }

                var target = _robotLabel[reached];
                foreach (var t in _settledTasks)
                {
                    _taskPotential[t] += _taskLabel[t] - target;
                }

                foreach (var r in _settledRobots)
                {
                    _robotPotential[r] += _robotLabel[r] - target;
                }

                sourcePotential -= target;
                free.Remove(Flip(reached));
                freeRobots--;
            }
        }
    }

    /// <summary>Dijkstra on reduced costs from every free task of the level; returns the free robot reached, or -1.</summary>
    private int ShortestPath(List<int> free, long sourcePotential)
    {
        _round++;
        _settledTasks.Clear();
        _settledRobots.Clear();
        _best = long.MaxValue;
        foreach (var t in free)
        {
            Push(_robotCount + t, sourcePotential - _taskPotential[t]);
        }

        var reached = -1;
        while (_heap.Count > 0)
        {
            var node = _heap.PopMin(out var key);
            var label = key >> 1;
            int task;
            if (node < _robotCount)
            {
                _robotSettled[node] = _round;
                _settledRobots.Add(node);
                task = _taskOfRobot[node];
                if (task < 0)
                {
                    reached = node;
                    break;
                }
            }
            else
            {
                task = node - _robotCount;
                if (_taskSettled[task] == _round)
                {
                    // A paused scan whose bound came up.
                    Scan(task);
                    continue;
                }
            }

            // Settle the task (a matched robot's task is reached through a zero reduced-cost edge).
            _taskSettled[task] = _round;
            _taskLabel[task] = label;
            _cursor[task] = 0;
            _settledTasks.Add(task);
            Scan(task);
        }

        _heap.Clear();
        return reached;
    }

    /// <summary>Relaxes a settled task's edges by increasing cost until its bound can no longer beat the heap or the best free robot.</summary>
    private void Scan(int task)
    {
        var offset = _taskLabel[task] + _taskPotential[task];
        var own = _robotOfTask[task];
        var e = _cursor[task];
        while (true)
        {
            var robots = _edges.Robots[task];
            var costs = _edges.Costs[task];
            var count = _edges.Counts[task];
            for (; e < count; e++)
            {
                var bound = offset + costs[e];
                if (bound >= _best)
                {
                    _cursor[task] = e;
                    return;
                }

                if (bound > MinLabel)
                {
                    _cursor[task] = e;
                    Push(_robotCount + task, bound);
                    return;
                }

                var r = robots[e];
                if (r == own || _robotSettled[r] == _round)
                {
                    continue;
                }

                var candidate = bound - _robotPotential[r];
                if (candidate < _best && (_robotSeen[r] != _round || candidate < _robotLabel[r]))
                {
                    _robotSeen[r] = _round;
                    _robotLabel[r] = candidate;
                    _predecessor[r] = task;
                    Push(r, candidate);
                    if (_taskOfRobot[r] < 0)
                    {
                        _best = candidate;
                    }
                }
            }

            _cursor[task] = e;
            var known = _edges.Known[task];
            if (known == TaskEdges.Complete)
            {
                return;
            }

            // Every edge not yet known costs more than `known`.
            var next = offset + known + 1;
            if (next >= _best)
            {
                return;
            }

            if (next > MinLabel)
            {
                Push(_robotCount + task, next);
                return;
            }

            _edges.Expand(task);
        }
    }

    /// <summary>The smallest queued label.</summary>
    private long MinLabel => _heap.Count == 0 ? long.MaxValue : _heap.MinKey >> 1;

    /// <summary>
    /// Queues a node under <c>2 label + (task ? 1 : 0)</c>: on equal labels robots come first, so a free robot at the
    /// final distance ends the round before the tasks tied with it are settled and scanned. Labels are never negative.
    /// </summary>
    private void Push(int node, long label) => _heap.PushOrDecrease(node, (label << 1) | (node < _robotCount ? 0L : 1L));

    /// <summary>Flips the alternating path ending at free robot <paramref name="robot"/>; returns the free task it started from.</summary>
    private int Flip(int robot)
    {
        while (true)
        {
            var task = _predecessor[robot];
            var previous = _robotOfTask[task];
            _robotOfTask[task] = robot;
            _taskOfRobot[robot] = task;
            if (previous < 0)
            {
                return task;
            }

            robot = previous;
        }
    }

    /// <summary>Whether some free task reaches a free robot by an alternating path, costs aside.</summary>
    private bool AugmentingPathExists(List<int> free)
    {
        var mark = ++_mark;
        _queue.Clear();
        foreach (var t in free)
        {
            _taskMark[t] = mark;
            _queue.Add(t);
        }

        for (var i = 0; i < _queue.Count; i++)
        {
            var task = _queue[i];
            foreach (var r in _edges.Candidates(task))
            {
                if (_robotMark[r] == mark)
                {
                    continue;
                }

                _robotMark[r] = mark;
                var next = _taskOfRobot[r];
                if (next < 0)
                {
                    return true;
                }

                if (_taskMark[next] != mark)
                {
                    _taskMark[next] = mark;
                    _queue.Add(next);
                }
            }
        }

        return false;
    }
}
