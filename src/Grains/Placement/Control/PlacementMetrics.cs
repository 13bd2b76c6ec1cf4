using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Coordination.Hosting;

namespace Coordination.Placement;

/// <summary>
/// The placement instruments: <c>coordination.placement.decisions</c> (tags kind, outcome),
/// <c>coordination.placement.evictions</c> and <c>.bindings</c> (tag outcome), <c>coordination.placement.migrations</c>
/// (grain activations moved between silos; tag reason), <c>coordination.placement.unscheduled</c> (gauge of replicas
/// that fit nowhere), <c>coordination.placement.errors</c> (tag stage).
/// </summary>
public static class PlacementMetrics
{
    public static readonly Counter<long> Decisions = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.placement.decisions", description: "Placement decisions, by kind and outcome.");

    public static readonly Counter<long> Evictions = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.placement.evictions", description: "Pod evictions decided, by outcome.");

    public static readonly Counter<long> Bindings = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.placement.bindings", description: "Pod bindings decided, by outcome.");

    public static readonly Counter<long> Migrations = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.placement.migrations", description: "Grain activations migrated to another silo, by reason.");

    public static readonly Counter<long> Errors = CoordinationInstruments.Meter.CreateCounter<long>(
        "coordination.placement.errors", description: "Rounds that could not observe or plan the cluster, by stage.");

    private static readonly ConditionalWeakTable<object, StrongBox<int>> Unscheduled = [];

    private static readonly ObservableGauge<int> UnscheduledGauge = CoordinationInstruments.Meter.CreateObservableGauge(
        "coordination.placement.unscheduled",
        () => Unscheduled.Sum(kv => kv.Value.Value),
        description: "Replicas the placement engine could not place in its last round.");

    internal static void Record(PlacementDecisionKind kind, ActuationOutcome outcome)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind.ToString());
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.ToString());
        Decisions.Add(1, kindTag, outcomeTag);
        if (kind == PlacementDecisionKind.Evict)
        {
            Evictions.Add(1, outcomeTag);
        }
        else if (kind == PlacementDecisionKind.Bind)
        {
            Bindings.Add(1, outcomeTag);
        }
    }

    internal static void SetUnscheduled(object owner, int count)
    {
        _ = UnscheduledGauge;
        Unscheduled.GetOrCreateValue(owner).Value = count;
    }
}
