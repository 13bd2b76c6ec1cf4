using Coordination.Missions.Allocation;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Bench.Dispatch;

/// <summary>Random dispatch instances: robots and tasks on passable cells with random capabilities, batteries and priorities.</summary>
public static class DispatchInstanceGenerator
{
    public const double ReserveBatteryPercent = 20;

    private static readonly string[] CapabilityNames = ["lift", "arm", "cold", "lidar"];

    /// <summary>A grid of the given size with each cell blocked with probability <paramref name="obstacleRatio"/>.</summary>
    public static GridMap RandomMap(int width, int height, double obstacleRatio, int seed)
    {
        var random = new Random(seed);
        var passable = new bool[width * height];
        for (var i = 0; i < passable.Length; i++)
        {
            passable[i] = random.NextDouble() >= obstacleRatio;
        }

        return new GridMap(width, height, passable, $"random-{width}x{height}-{obstacleRatio:0.##}");
    }

    /// <summary>
    /// Robots have each capability with probability 0.6, a battery of 10-100%, and are available 90% of the time;
    /// tasks require each of the first three capabilities with probability 0.25, use 0-30% battery and have priority 0-3.
    /// </summary>
    public static AllocationProblem Generate(GridMap map, int robots, int tasks, int seed)
    {
        var random = new Random(seed);
        var open = Enumerable.Range(0, map.CellCount).Where(c => map.IsPassable(c)).ToArray();
        if (open.Length == 0)
        {
            throw new ArgumentException($"{map.Name} has no passable cell", nameof(map));
        }

        (int X, int Y) Place() => map.ToXY(open[random.Next(open.Length)]);
        double Percent(double from, double to) => Math.Round((from + (random.NextDouble() * (to - from))) * 2, MidpointRounding.AwayFromZero) / 2;

        var robotList = new List<RobotSnapshot>(robots);
        for (var i = 0; i < robots; i++)
        {
            var (x, y) = Place();
            var capabilities = CapabilityNames.Where(_ => random.NextDouble() < 0.6).ToArray();
            robotList.Add(new RobotSnapshot($"r{i}", x, y, capabilities, Percent(10, 100), random.NextDouble() < 0.9));
        }

        var taskList = new List<ReadyTask>(tasks);
        for (var i = 0; i < tasks; i++)
        {
            var (x, y) = Place();
            var requires = CapabilityNames.Take(3).Where(_ => random.NextDouble() < 0.25).ToArray();
            taskList.Add(new ReadyTask($"t{i}", x, y, requires, random.Next(4), Percent(0, 30)));
        }

        return new AllocationProblem(robotList, taskList, ReserveBatteryPercent, map);
    }
}
