using System.Diagnostics.Metrics;
using Coordination.Hosting;

namespace Coordination.Missions;

/// <summary>Metrics of missions and dispatch, on the product's meter.</summary>
public static class MissionsInstruments
{
    public static readonly Counter<long> Rounds = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.dispatch.rounds", description: "Allocation rounds run by dispatchers.");

    public static readonly Histogram<double> AssignmentLatency = CoordinationInstruments.Meter.CreateHistogram<double>(
        "coordination.dispatch.assignment_latency", unit: "ms", description: "From a task becoming ready to its assignment to a robot.");

    public static readonly Counter<long> Requeued = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.dispatch.requeued", description: "Tasks taken back from a robot and queued again.");

    public static readonly Counter<long> Submitted = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.missions.submitted", description: "Missions accepted.");

    public static readonly Counter<long> Completed = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.missions.completed", description: "Missions completed.");

    public static readonly Counter<long> Failed = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.missions.failed", description: "Missions failed (deadline, no capable robot, a task failure).");

    public static readonly Counter<long> Cancelled = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.missions.cancelled", description: "Missions cancelled.");
}
