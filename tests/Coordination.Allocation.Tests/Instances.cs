using Coordination.Missions.Allocation;
using Coordination.Planning.Mapf.Grid;
using CsCheck;

namespace Coordination.Allocation.Tests;

/// <summary>Random allocation problems: small maps with obstacles (or no map), capabilities, batteries, priorities.</summary>
internal static class Instances
{
    private static readonly string[] CapabilityNames = ["lift", "arm", "cold"];
    private static readonly double[] Batteries = [0, 15, 20.5, 30.1, 42, 60, 100];
    private static readonly double[] Energies = [0, 5, 10.1, 20, 30];
    private static readonly double[] Reserves = [0, 10, 20];

    private static readonly Gen<string[]> Capabilities =
        Gen.Int[0, 9].Array[CapabilityNames.Length].Select(bits => CapabilityNames.Where((_, i) => bits[i] < 6).ToArray());

    private static readonly Gen<string[]> Requirements =
        Gen.Int[0, 9].Array[2].Select(bits => CapabilityNames.Take(2).Where((_, i) => bits[i] < 3).ToArray());

    /// <summary>Up to <paramref name="maxRobots"/> robots and <paramref name="maxTasks"/> tasks on a map of up to <paramref name="maxSide"/> cells a side.</summary>
    public static Gen<AllocationProblem> Problems(int maxRobots, int maxTasks, int maxSide, int maxPriority) =>
        Gen.Select(Gen.Int[1, maxSide], Gen.Int[1, maxSide], Gen.Int[0, 3]).SelectMany((width, height, mode) =>
            Gen.Int[0, 3].Array[width * height].SelectMany(cells =>
            {
                var passable = cells.Select(c => c != 0).ToArray();
                passable[0] = true;
                GridMap? map = mode == 0 ? null : new GridMap(width, height, passable, "test.map");
                var open = map is null
                    ? Enumerable.Range(0, width * height).ToArray()
                    : Enumerable.Range(0, width * height).Where(c => passable[c]).ToArray();
                var place = Gen.Int[0, open.Length - 1].Select(i => (X: open[i] % width, Y: open[i] / width));
                var robot = Gen.Select(place, Capabilities, Gen.OneOf(Batteries), Gen.Int[0, 9], (p, caps, battery, availability) =>
                    (p, caps, battery, available: availability != 0));
                var task = Gen.Select(place, Requirements, Gen.Int[0, maxPriority], Gen.OneOf(Energies), (p, requires, priority, energy) =>
                    (p, requires, priority, energy));
                return Gen.Select(robot.Array[0, maxRobots], task.Array[0, maxTasks], Gen.OneOf(Reserves), (rs, ts, reserve) =>
                    new AllocationProblem(
                        [.. rs.Select((r, i) => new RobotSnapshot($"r{i}", r.p.X, r.p.Y, r.caps, r.battery, r.available))],
                        [.. ts.Select((t, i) => new ReadyTask($"t{i}", t.p.X, t.p.Y, t.requires, t.priority, t.energy))],
                        reserve,
                        map));
            }));

    public static string Describe(AllocationProblem p)
    {
        var map = p.Map is null ? "open grid" : MovingAiMap.Format(p.Map).Replace("\n", " | ", StringComparison.Ordinal);
        var robots = string.Join("; ", p.Robots.Select(r => $"{r.Id}@({r.X},{r.Y}) [{string.Join(",", r.Capabilities)}] {r.BatteryPercent}% {(r.Available ? "" : "busy")}"));
        var tasks = string.Join("; ", p.Tasks.Select(t => $"{t.Id}@({t.X},{t.Y}) [{string.Join(",", t.Requires)}] p{t.Priority} {t.EnergyPercent}%"));
        return $"map: {map}\nreserve {p.ReserveBatteryPercent}\nrobots: {robots}\ntasks: {tasks}";
    }
}
