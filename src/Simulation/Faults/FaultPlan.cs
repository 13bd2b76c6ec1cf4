using Coordination.Simulation.Setup;

namespace Coordination.Simulation.Faults;

/// <summary>The faults of a run, in time order, with targets chosen from the seed (never the first silo).</summary>
public static class FaultPlan
{
    public static IReadOnlyList<PlannedFault> Create(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var random = new Random(unchecked((settings.Seed * 104729) + 3));
        var faults = new List<PlannedFault>();
        var silos = Enumerable.Range(1, Math.Max(0, settings.Silos - 1)).OrderBy(_ => random.Next()).ToList();
        foreach (var (at, i) in settings.KillSiloAt.Order().Select((t, i) => (t, i)))
        {
            faults.Add(new PlannedFault(at, FaultKind.KillSilo, silos.Count == 0 ? 0 : silos[i % silos.Count]));
        }

        var nodes = Enumerable.Range(0, settings.Nodes).OrderBy(_ => random.Next()).ToList();
        foreach (var (at, i) in settings.FailNodeAt.Order().Select((t, i) => (t, i)))
        {
            faults.Add(new PlannedFault(at, FaultKind.FailNode, nodes[i % nodes.Count]));
        }

        var robots = Enumerable.Range(0, settings.Robots).OrderBy(_ => random.Next()).ToList();
        foreach (var (at, i) in settings.DropRobotAt.Order().Select((t, i) => (t, i)))
        {
            faults.Add(new PlannedFault(at, FaultKind.DropRobot, robots[i % robots.Count]));
        }

        return faults.OrderBy(f => f.AtSeconds).ThenBy(f => f.Kind).ToList();
    }
}
