namespace Coordination.Missions.Allocation;

/// <summary>
/// The eligible, reachable robot-task pairs with their travel costs, per task by increasing cost (then robot index).
/// A task's list may be partial: every edge costing at most <see cref="Known"/> is present, and an expander can add
/// the next cost level on demand, so distance searches stop as soon as the matcher has what it needs.
/// </summary>
internal sealed class TaskEdges
{
    /// <summary>The value of <see cref="Known"/> once a task's list is complete.</summary>
    public const int Complete = int.MaxValue;

    private readonly IEdgeExpander? _expander;

    public TaskEdges(int taskCount, int robotCount, IEdgeExpander? expander = null)
    {
        TaskCount = taskCount;
        RobotCount = robotCount;
        _expander = expander;
        Robots = new int[taskCount][];
        Costs = new int[taskCount][];
        Counts = new int[taskCount];
        Known = new int[taskCount];
        Array.Fill(Robots, []);
        Array.Fill(Costs, []);
        Array.Fill(Known, expander is null ? Complete : -1);
    }

    public int TaskCount { get; }

    public int RobotCount { get; }

    /// <summary>Robot of each edge, per task (only the first <see cref="Counts"/> entries are edges).</summary>
    public int[][] Robots { get; }

    public int[][] Costs { get; }

    public int[] Counts { get; }

    /// <summary>Per task: every edge with a cost up to this is present (-1: none yet; <see cref="Complete"/>: all).</summary>
    public int[] Known { get; }

    /// <summary>Whether <see cref="Candidates"/> can tell reachability without costing edges.</summary>
    public bool HasCandidates => _expander is not null;

    public int EdgeCount => Counts.Sum();

    public void Add(int task, int robot, int cost)
    {
        var count = Counts[task];
        if (count == Robots[task].Length)
        {
            var size = Math.Max(8, count * 2);
            var robots = Robots[task];
            var costs = Costs[task];
            Array.Resize(ref robots, size);
            Array.Resize(ref costs, size);
            Robots[task] = robots;
            Costs[task] = costs;
        }

        Robots[task][count] = robot;
        Costs[task][count] = cost;
        Counts[task] = count + 1;
    }

    /// <summary>Whether the task can have no edge at all.</summary>
    public bool IsEmpty(int task) => Known[task] == Complete && Counts[task] == 0;

    /// <summary>Adds the task's next cost level; false when its list is already complete.</summary>
    public bool Expand(int task) => Known[task] != Complete && _expander is not null && _expander.Expand(task, this);

    public IReadOnlyList<int> Candidates(int task) =>
        _expander?.Candidates(task) ?? throw new InvalidOperationException("these edges have no candidate lists");

    /// <summary>For complete lists built in any order: sorts each task's edges by cost, then robot index.</summary>
    public void SortAll()
    {
        for (var t = 0; t < TaskCount; t++)
        {
            SortRange(t, 0, Counts[t]);
        }
    }

    /// <summary>Sorts edges <c>from..to-1</c> of a task by cost, then robot index.</summary>
    public void SortRange(int task, int from, int to)
    {
        var robots = Robots[task];
        var costs = Costs[task];
        var sorted = true;
        for (var i = from + 1; i < to && sorted; i++)
        {
            sorted = costs[i] > costs[i - 1] || (costs[i] == costs[i - 1] && robots[i] > robots[i - 1]);
        }

        if (sorted)
        {
            return;
        }

        var keys = new long[to - from];
        for (var i = from; i < to; i++)
        {
            keys[i - from] = ((long)costs[i] << 32) | (uint)robots[i];
        }

        Array.Sort(keys);
        for (var i = from; i < to; i++)
        {
            costs[i] = (int)(keys[i - from] >> 32);
            robots[i] = (int)(keys[i - from] & 0xFFFFFFFF);
        }
    }

    /// <summary>The cost of an edge that is present.</summary>
    public int CostOf(int task, int robot)
    {
        for (var e = 0; e < Counts[task]; e++)
        {
            if (Robots[task][e] == robot)
            {
                return Costs[task][e];
            }
        }

        throw new InvalidOperationException($"task {task} was given robot {robot}, which has no edge to it");
    }
}
