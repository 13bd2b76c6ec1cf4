namespace Coordination.Missions.Allocation;

/// <summary>
/// Every eligibility rule except reachability: the robot is available, has every required capability (bit sets) and
/// keeps its reserve: <c>batteryPercent - energyPercent &gt;= reserveBatteryPercent</c>, compared exactly in decimal
/// (so 30.1 - 10.1 &gt;= 20 holds) through ranks of the distinct values.
/// </summary>
internal sealed class Eligibility
{
    private readonly int _words;
    private readonly ulong[] _robotCapabilities;
    private readonly ulong[] _taskRequires;
    private readonly int[] _robotSlackRank;
    private readonly int[] _taskEnergyRank;
    private readonly bool[] _available;

    public Eligibility(AllocationProblem problem)
    {
        var robots = problem.Robots;
        var tasks = problem.Tasks;
        RobotCount = robots.Count;
        TaskCount = tasks.Count;

        // Only capabilities some task requires matter.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var name in task.Requires)
            {
                index.TryAdd(name, index.Count);
            }
        }

        _words = Math.Max(1, (index.Count + 63) / 64);
        _robotCapabilities = new ulong[RobotCount * _words];
        _taskRequires = new ulong[TaskCount * _words];
        _available = new bool[RobotCount];
        for (var r = 0; r < RobotCount; r++)
        {
            _available[r] = robots[r].Available;
            foreach (var name in robots[r].Capabilities)
            {
                if (index.TryGetValue(name, out var bit))
                {
                    _robotCapabilities[(r * _words) + (bit >> 6)] |= 1UL << (bit & 63);
                }
            }
        }

        for (var t = 0; t < TaskCount; t++)
        {
            foreach (var name in tasks[t].Requires)
            {
                var bit = index[name];
                _taskRequires[(t * _words) + (bit >> 6)] |= 1UL << (bit & 63);
            }
        }

        // batteryPercent - reserve >= energyPercent, with both sides as exact decimals mapped to ranks.
        var reserve = (decimal)problem.ReserveBatteryPercent;
        var slack = new decimal[RobotCount];
        for (var r = 0; r < RobotCount; r++)
        {
            slack[r] = (decimal)robots[r].BatteryPercent - reserve;
        }

        var energy = new decimal[TaskCount];
        for (var t = 0; t < TaskCount; t++)
        {
            energy[t] = (decimal)tasks[t].EnergyPercent;
        }

        var distinct = slack.Concat(energy).Distinct().Order().ToArray();
        _robotSlackRank = [.. slack.Select(v => Array.BinarySearch(distinct, v))];
        _taskEnergyRank = [.. energy.Select(v => Array.BinarySearch(distinct, v))];
    }

    public int RobotCount { get; }

    public int TaskCount { get; }

    public bool IsEligible(int task, int robot)
    {
        if (!_available[robot] || _robotSlackRank[robot] < _taskEnergyRank[task])
        {
            return false;
        }

        var t = task * _words;
        var r = robot * _words;
        for (var w = 0; w < _words; w++)
        {
            if ((_taskRequires[t + w] & ~_robotCapabilities[r + w]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For each task, the robots eligible for it (before reachability); counts per task and per robot.</summary>
    public EligibleSets ComputeSets()
    {
        var byTask = new List<int>[TaskCount];
        var perRobot = new int[RobotCount];
        for (var t = 0; t < TaskCount; t++)
        {
            var list = new List<int>();
            for (var r = 0; r < RobotCount; r++)
            {
                if (IsEligible(t, r))
                {
                    list.Add(r);
                    perRobot[r]++;
                }
            }

            byTask[t] = list;
        }

        return new EligibleSets(byTask, perRobot);
    }
}
