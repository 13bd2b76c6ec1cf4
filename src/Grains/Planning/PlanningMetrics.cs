using System.Diagnostics.Metrics;
using Coordination.Hosting;

namespace Coordination.Planning;

/// <summary>The planner's instruments (tagged with the world id).</summary>
public static class PlanningMetrics
{
    public static readonly Histogram<double> SolveMs = CoordinationInstruments.Meter.CreateHistogram<double>(
        "coordination.planning.solve_ms", "ms", "Time the MAPF engine spent on one solve");

    public static readonly Histogram<double> FirstSolutionMs = CoordinationInstruments.Meter.CreateHistogram<double>(
        "coordination.planning.first_solution_ms", "ms", "Time the MAPF engine took to its first conflict-free solution (it refines until the deadline after that)");

    public static readonly Counter<long> Replans = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.planning.replans", description: "Plans handed out, by reason");

    public static readonly Gauge<int> Robots = CoordinationInstruments.Meter.CreateGauge<int>(
        "coordination.planning.robots", description: "Robots in the last plan");

    public static readonly Counter<long> Failures = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.planning.failures", description: "Solves that found no plan (robots were told to stay), by status");
}
