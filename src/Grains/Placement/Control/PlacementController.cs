using System.Diagnostics;
using System.Globalization;
using Coordination.Hosting;
using Coordination.Placement.Engine;

namespace Coordination.Placement;

/// <summary>
/// The placement grain's logic, without Orleans: keeps the compute-node twins' snapshots, KPI readings and
/// autoscaling policies, and on each <see cref="ReconcileAsync"/> observes the cluster through the
/// <see cref="IClusterActuator"/>, runs the placement engine and applies the difference: cordons unhealthy
/// nodes, evicts replicas the plan removes (failed nodes, preemption, temperature) and the lowest-priority replica
/// of a throttled or power-capped node, rebalances with hysteresis, binds pending pods and scales Deployments.
/// Level-triggered: an action the cluster refuses is decided again next round (with backoff), never lost.
/// Every decision is a span (<c>placement.decision</c>) and a metric. Not thread-safe (one grain owns it).
/// </summary>
public sealed class PlacementController
{
    private readonly IClusterActuator _actuator;
    private readonly PlacementControllerOptions _options;
    private readonly TimeProvider _clock;
    private readonly Autoscaler _autoscaler;
    private readonly Dictionary<string, NodeSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkloadAutoscaling> _autoscaling = new(StringComparer.Ordinal);
    private readonly Dictionary<(PlacementDecisionKind, string), (DateTimeOffset Until, int Attempts)> _backoff = [];
    private readonly Dictionary<string, DateTimeOffset> _healthySince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastThrottleMove = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PlacementDecisionKind Kind, ActuationOutcome Outcome, string Reason)> _lastDecision = new(StringComparer.Ordinal);
    private readonly LinkedList<PlacementDecision> _recent = new();
    private readonly Dictionary<WorkloadKey, AutoscaleRecommendation> _lastRecommendation = [];
    private DateTimeOffset _lastRebalance = DateTimeOffset.MinValue;
    private ClusterView? _lastView;
    private IReadOnlyList<NodeCondition> _lastConditions = [];
    private IReadOnlyList<string> _unscheduled = [];
    private string? _lastError;
    private long _decisions;
    private long _bindings;
    private long _evictions;

    public PlacementController(IClusterActuator actuator, PlacementControllerOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actuator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _actuator = actuator;
        _options = options;
        _clock = clock;
        _autoscaler = new Autoscaler(options.KpiMaxAge);
    }

    /// <summary>When the last round ran.</summary>
    public DateTimeOffset? LastReconcileAt { get; private set; }

    /// <summary>The autoscaling policies set through the grain (they override Deployment annotations).</summary>
    public IReadOnlyDictionary<string, WorkloadAutoscaling> AutoscalingPolicies => _autoscaling;

    public void NodeUpdated(NodeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_snapshots.TryGetValue(snapshot.NodeName, out var previous) || previous.At <= snapshot.At)
        {
            _snapshots[snapshot.NodeName] = snapshot;
        }
    }

    public void ReportKpi(KpiSample sample) => _autoscaler.Record(sample);

    /// <summary>Sets or removes a policy (already validated).</summary>
    public void SetAutoscaling(string workload, WorkloadAutoscaling? policy)
    {
        if (policy is null)
        {
            _autoscaling.Remove(workload);
            _autoscaler.Forget(workload);
        }
        else
        {
            _autoscaling[workload] = policy;
        }
    }

    /// <summary>Observes the cluster and applies one round of decisions.</summary>
    public async Task<PlacementReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        using var round = CoordinationInstruments.Source.StartActivity("placement.reconcile");
        var now = _clock.GetUtcNow();
        LastReconcileAt = now;
        round?.SetTag("placement.actuator", _actuator.Name);
        ClusterView view;
        try
        {
            view = await _actuator.ObserveAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastError = $"cannot observe the cluster through {_actuator.Name}: {e.Message}";
            round?.SetStatus(ActivityStatusCode.Error, _lastError);
            PlacementMetrics.Errors.Add(1, new KeyValuePair<string, object?>("stage", "observe"));
            return new PlacementReport(now, [], _unscheduled.Count, _lastError);
        }

        _lastView = view;
        var decisions = new List<PlacementDecision>();
        var conditions = Judge(view, now);
        _lastConditions = conditions;

        await CordonAsync(conditions, now, decisions, cancellationToken);

        // Victims: the lowest-priority replica of each throttled node (one per interval), and rebalancing.
        var victims = new Dictionary<PodKey, (string Node, string Reason)>();
        ChooseThrottleVictims(view, conditions, now, victims);
        var rebalanceSource = ChooseRebalanceVictim(view, conditions, now, victims);

        BuiltProblem built;
        PlacementPlan plan;
        try
        {
            built = PlacementProblemBuilder.Build(conditions, view.Pods, victims.Keys.ToHashSet(), _options.MaxTemperatureC);
            plan = PlacementEngine.Solve(built.Problem, new Engine.PlacementOptions { Budget = _options.SolverBudget }, cancellationToken);
        }
        catch (PlacementValidationException e)
        {
            _lastError = $"the cluster view is not a valid placement problem: {e.Message}";
            round?.SetStatus(ActivityStatusCode.Error, _lastError);
            PlacementMetrics.Errors.Add(1, new KeyValuePair<string, object?>("stage", "solve"));
            return new PlacementReport(now, decisions, _unscheduled.Count, _lastError);
        }

        var assigned = plan.Assignments.ToDictionary(a => (a.Workload, a.Replica), a => a.Node);
        var evicted = plan.Evictions.ToDictionary(e => (e.Workload, e.Replica), e => e.Reason);
        var unscheduledReasons = plan.Unscheduled.ToDictionary(u => (u.Workload, u.Replica), u => u.Reason);
        var nodesWithEvictions = new HashSet<string>(StringComparer.Ordinal);
        var unscheduled = new List<string>();

        // Evictions first: replicas the plan removes, then the victims that have somewhere to go.
        foreach (var (key, slot) in built.Slots.OrderBy(s => s.Value.Pod.Priority).ThenBy(s => s.Value.Pod.Key.ToString(), StringComparer.Ordinal))
        {
            var pod = slot.Pod;
            if (slot.Role == ReplicaRole.Current && evicted.TryGetValue(key, out var why))
            {
                nodesWithEvictions.Add(pod.NodeName!);
                await EvictAsync(pod, why, now, decisions, cancellationToken);
            }
            else if (slot.Role == ReplicaRole.Victim)
            {
                var (node, reason) = victims[pod.Key];
                if (assigned.TryGetValue(key, out var target))
                {
                    if (node == rebalanceSource && !ImprovesBalance(conditions, view, node, target, pod))
                    {
                        continue;
                    }

                    if (rebalanceSource == node)
                    {
                        _lastRebalance = now;
                    }
                    else
                    {
                        _lastThrottleMove[node] = now;
                    }

                    nodesWithEvictions.Add(node);
                    await EvictAsync(pod, $"{reason}; room on {target}", now, decisions, cancellationToken);
                }
                else if (rebalanceSource != node)
                {
                    Decide(decisions, now, PlacementDecisionKind.Unscheduled, pod.Key.ToString(), node, $"{reason}, but no other node has room: kept", ActuationResult.Retry("no room"));
                }
            }
        }

        // Bindings: pending pods the plan places, except onto nodes still being freed by evictions of this round.
        foreach (var (key, slot) in built.Slots.Where(s => s.Value.Role == ReplicaRole.Pending).OrderByDescending(s => s.Value.Pod.Priority).ThenBy(s => s.Value.Pod.Key.ToString(), StringComparer.Ordinal))
        {
            var pod = slot.Pod;
            if (!assigned.TryGetValue(key, out var node))
            {
                var reason = unscheduledReasons.GetValueOrDefault(key, "no feasible node");
                unscheduled.Add($"{pod.Key}: {reason}");
                Decide(decisions, now, PlacementDecisionKind.Unscheduled, pod.Key.ToString(), null, reason, new ActuationResult(ActuationOutcome.None));
                continue;
            }

            if (nodesWithEvictions.Contains(node))
            {
                unscheduled.Add($"{pod.Key}: waiting for evictions on {node}");
                continue;
            }

            await ActAsync(decisions, now, PlacementDecisionKind.Bind, pod.Key.ToString(), node, $"placed on {node} (priority {pod.Priority})", ct => _actuator.BindAsync(pod.Key, node, ct), cancellationToken);
        }

        _unscheduled = unscheduled;
        PlacementMetrics.SetUnscheduled(this, unscheduled.Count);
        await AutoscaleAsync(view, now, decisions, cancellationToken);
        _lastError = null;
        round?.SetTag("placement.decisions", decisions.Count);
        round?.SetTag("placement.unscheduled", unscheduled.Count);
        return new PlacementReport(now, decisions, unscheduled.Count, null);
    }

    /// <summary>What the controller knows now.</summary>
    public PlacementStatus Status(string cluster)
    {
        var pods = _lastView?.Pods ?? [];
        var nodes = _lastConditions.Select(c =>
        {
            var onNode = pods.Where(p => p.NodeName == c.Node.Name).ToList();
            return new PlacementNodeStatus(
                c.Node.Name,
                c.Health,
                c.Ready,
                c.Node.Unschedulable,
                onNode.Count,
                onNode.Sum(p => p.Requests.GpuMemoryMiB),
                c.Node.Allocatable.GpuMemoryMiB,
                c.Snapshot?.TemperatureC,
                c.Snapshot?.PowerWatts,
                c.Snapshot?.PowerBudgetWatts);
        }).ToList();
        var deployments = (_lastView?.Deployments ?? []).ToDictionary(d => d.Key);
        var workloads = pods.Select(p => p.Workload).Concat(deployments.Keys).Distinct()
            .OrderBy(k => k.ToString(), StringComparer.Ordinal)
            .Select(k =>
            {
                var of = pods.Where(p => p.Workload == k).ToList();
                deployments.TryGetValue(k, out var d);
                var policy = PolicyOf(k, d);
                _lastRecommendation.TryGetValue(k, out var rec);
                return new PlacementWorkloadStatus(
                    k.ToString(),
                    of.Count == 0 ? 0 : of.Max(p => p.Priority),
                    of.Count(p => !p.IsPending),
                    of.Count(p => p.IsPending),
                    d?.Replicas,
                    policy is null ? null : rec?.Desired,
                    policy?.Kpi,
                    policy is null ? null : rec?.KpiValue);
            }).ToList();
        return new PlacementStatus(cluster, _actuator.Name, LastReconcileAt, nodes, workloads, _unscheduled, [.. _recent], _decisions, _bindings, _evictions, _lastError);
    }

    private List<NodeCondition> Judge(ClusterView view, DateTimeOffset now)
    {
        var conditions = new List<NodeCondition>(view.Nodes.Count);
        foreach (var node in view.Nodes)
        {
            _snapshots.TryGetValue(node.Name, out var snapshot);
            if (snapshot is not null && now - snapshot.At > _options.SnapshotMaxAge)
            {
                snapshot = null;
            }

            var ready = node.Ready && snapshot?.Health != NodeHealth.NotReady;
            string? problem = null;
            var throttled = false;
            if (!node.Ready)
            {
                problem = "node condition Ready is not True";
            }
            else if (snapshot?.Health == NodeHealth.NotReady)
            {
                problem = "compute-node twin reports not-ready";
            }
            else if (snapshot?.Health == NodeHealth.Throttled)
            {
                throttled = true;
                problem = string.Create(CultureInfo.InvariantCulture, $"thermal throttling at {snapshot.TemperatureC:0.#} C");
            }
            else if (snapshot is { PowerBudgetWatts: > 0 } s && s.PowerWatts > s.PowerBudgetWatts)
            {
                throttled = true;
                problem = string.Create(CultureInfo.InvariantCulture, $"power {s.PowerWatts:0.#} W over budget {s.PowerBudgetWatts:0.#} W");
            }

            if (problem is null)
            {
                _healthySince.TryAdd(node.Name, now);
            }
            else
            {
                _healthySince.Remove(node.Name);
            }

            if (node.Allocatable.GpuMemoryMiB == 0 && snapshot is { MemoryTotalMiB: > 0 } withMemory)
            {
                var node2 = node with { Allocatable = node.Allocatable with { GpuMemoryMiB = withMemory.MemoryTotalMiB * 7 / 8 } };
                conditions.Add(new NodeCondition(node2, snapshot, ready, problem, throttled));
            }
            else
            {
                conditions.Add(new NodeCondition(node, snapshot, ready, problem, throttled));
            }
        }

        return conditions;
    }

    private async Task CordonAsync(List<NodeCondition> conditions, DateTimeOffset now, List<PlacementDecision> decisions, CancellationToken cancellationToken)
    {
        if (!_options.CordonUnhealthyNodes)
        {
            return;
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var name = c.Node.Name;
            if (c.Problem is { } problem && !c.Node.Unschedulable)
            {
                var result = await ActAsync(decisions, now, PlacementDecisionKind.Cordon, name, name, problem, ct => _actuator.SetCordonAsync(name, true, problem, ct), cancellationToken);
                if (result?.Applied == true)
                {
                    conditions[i] = c with { Node = c.Node with { Unschedulable = true, CordonedByPlacement = true } };
                }
            }
            else if (c.Problem is null && c.Node.CordonedByPlacement && c.Node.Unschedulable
                && _healthySince.TryGetValue(name, out var since) && now - since >= _options.UncordonAfter)
            {
                var reason = $"healthy for {(now - since).TotalSeconds:0} s";
                var result = await ActAsync(decisions, now, PlacementDecisionKind.Uncordon, name, name, reason, ct => _actuator.SetCordonAsync(name, false, reason, ct), cancellationToken);
                if (result?.Applied == true)
                {
                    conditions[i] = c with { Node = c.Node with { Unschedulable = false, CordonedByPlacement = false } };
                }
            }
        }
    }

    private void ChooseThrottleVictims(ClusterView view, IReadOnlyList<NodeCondition> conditions, DateTimeOffset now, Dictionary<PodKey, (string, string)> victims)
    {
        foreach (var c in conditions.Where(c => c.Throttled && c.Ready))
        {
            if (_lastThrottleMove.TryGetValue(c.Node.Name, out var last) && now - last < _options.ThrottleMoveInterval)
            {
                continue;
            }

            var victim = view.Pods
                .Where(p => p.NodeName == c.Node.Name)
                .OrderBy(p => p.Priority)
                .ThenByDescending(p => p.CreatedAt)
                .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
                .FirstOrDefault();
            if (victim is not null)
            {
                victims[victim.Key] = (c.Node.Name, $"node {c.Node.Name} {c.Problem}: moving its lowest-priority replica (priority {victim.Priority})");
            }
        }
    }

    private string? ChooseRebalanceVictim(ClusterView view, IReadOnlyList<NodeCondition> conditions, DateTimeOffset now, Dictionary<PodKey, (string, string)> victims)
    {
        if (!_options.Rebalance || now - _lastRebalance < _options.RebalanceInterval)
        {
            return null;
        }

        var open = conditions.Where(c => !c.Closed).ToList();
        if (open.Count < 2)
        {
            return null;
        }

        var loads = open.ToDictionary(c => c.Node.Name, c => Load(c, view.Pods.Where(p => p.NodeName == c.Node.Name)), StringComparer.Ordinal);
        var busiest = loads.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        var idlest = loads.Min(kv => kv.Value);
        if (busiest.Value - idlest <= _options.RebalanceThreshold)
        {
            return null;
        }

        var victim = view.Pods
            .Where(p => p.NodeName == busiest.Key && !victims.ContainsKey(p.Key) && now - p.CreatedAt >= _options.MinReplicaDwell)
            .OrderBy(p => p.Priority)
            .ThenBy(p => p.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (victim is null)
        {
            return null;
        }

        victims[victim.Key] = (busiest.Key, string.Create(CultureInfo.InvariantCulture, $"rebalancing: node {busiest.Key} load {busiest.Value:0.00} vs {idlest:0.00}"));
        return busiest.Key;
    }

    private static bool ImprovesBalance(IReadOnlyList<NodeCondition> conditions, ClusterView view, string source, string target, ClusterPod pod)
    {
        var s = conditions.First(c => c.Node.Name == source);
        var t = conditions.FirstOrDefault(c => c.Node.Name == target);
        if (t is null)
        {
            return false;
        }

        var sourceAfter = Load(s, view.Pods.Where(p => p.NodeName == source && p.Key != pod.Key));
        var targetAfter = Load(t, view.Pods.Where(p => p.NodeName == target).Append(pod));
        var sourceBefore = Load(s, view.Pods.Where(p => p.NodeName == source));
        return Math.Max(sourceAfter, targetAfter) < sourceBefore;
    }

    /// <summary>The largest fraction of any resource requested on a node.</summary>
    private static double Load(NodeCondition node, IEnumerable<ClusterPod> pods)
    {
        long gpu = 0, cpu = 0, mem = 0;
        foreach (var p in pods)
        {
            gpu += p.Requests.GpuMemoryMiB;
            cpu += p.Requests.CpuMillicores;
            mem += p.Requests.MemoryMiB;
        }

        var a = node.Node.Allocatable;
        return Math.Max(Fraction(gpu, a.GpuMemoryMiB), Math.Max(Fraction(cpu, a.CpuMillicores), Fraction(mem, a.MemoryMiB)));
    }

    private static double Fraction(long used, long total) => total <= 0 ? 0 : (double)used / total;

    private async Task EvictAsync(ClusterPod pod, string reason, DateTimeOffset now, List<PlacementDecision> decisions, CancellationToken cancellationToken)
    {
        var result = await ActAsync(decisions, now, PlacementDecisionKind.Evict, pod.Key.ToString(), pod.NodeName, reason, ct => _actuator.EvictAsync(pod.Key, reason, ct), cancellationToken);
        if (result?.Applied == true)
        {
            _evictions++;
        }
    }

    private async Task AutoscaleAsync(ClusterView view, DateTimeOffset now, List<PlacementDecision> decisions, CancellationToken cancellationToken)
    {
        foreach (var deployment in view.Deployments)
        {
            var policy = PolicyOf(deployment.Key, deployment);
            if (policy is null)
            {
                continue;
            }

            var recommendation = _autoscaler.Recommend(deployment.Key.ToString(), policy, deployment.Replicas, now);
            _lastRecommendation[deployment.Key] = recommendation;
            if (recommendation.Desired == deployment.Replicas)
            {
                continue;
            }

            var key = deployment.Key;
            var desired = recommendation.Desired;
            await ActAsync(
                decisions,
                now,
                PlacementDecisionKind.Scale,
                key.ToString(),
                null,
                string.Create(CultureInfo.InvariantCulture, $"{deployment.Replicas} -> {desired} replicas: {recommendation.Reason}"),
                ct => _actuator.ScaleAsync(key, desired, ct),
                cancellationToken);
        }
    }

    private WorkloadAutoscaling? PolicyOf(WorkloadKey key, ClusterDeployment? deployment) =>
        _autoscaling.TryGetValue(key.ToString(), out var policy) ? policy : deployment?.Autoscaling;

    /// <summary>Runs one actuation unless it is backing off; records the decision with its outcome.</summary>
    private async Task<ActuationResult?> ActAsync(
        List<PlacementDecision> decisions,
        DateTimeOffset now,
        PlacementDecisionKind kind,
        string target,
        string? node,
        string reason,
        Func<CancellationToken, Task<ActuationResult>> act,
        CancellationToken cancellationToken)
    {
        var key = (kind, target);
        if (_backoff.TryGetValue(key, out var backoff) && backoff.Until > now)
        {
            return null;
        }

        ActuationResult result;
        try
        {
            result = await act(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = ActuationResult.Retry($"{e.GetType().Name}: {e.Message}");
        }

        if (result.Outcome == ActuationOutcome.Retry)
        {
            var attempts = backoff.Attempts + 1;
            var delay = TimeSpan.FromTicks(Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            _backoff[key] = (now + delay, attempts);
        }
        else
        {
            _backoff.Remove(key);
        }

        if (kind == PlacementDecisionKind.Bind && result.Applied)
        {
            _bindings++;
        }

        Decide(decisions, now, kind, target, node, reason, result);
        return result;
    }

    private void Decide(List<PlacementDecision> decisions, DateTimeOffset now, PlacementDecisionKind kind, string target, string? node, string reason, ActuationResult result)
    {
        var decision = new PlacementDecision(now, kind, target, node, reason, result.Outcome, result.Detail);
        decisions.Add(decision);
        var repeated = _lastDecision.TryGetValue(target, out var last) && last == (kind, result.Outcome, reason) && result.Outcome != ActuationOutcome.Done;
        _lastDecision[target] = (kind, result.Outcome, reason);
        if (repeated)
        {
            return;
        }

        _decisions++;
        using (var span = CoordinationInstruments.Source.StartActivity("placement.decision"))
        {
            span?.SetTag("placement.kind", kind.ToString());
            span?.SetTag("placement.target", target);
            span?.SetTag("placement.node", node);
            span?.SetTag("placement.reason", reason);
            span?.SetTag("placement.outcome", result.Outcome.ToString());
            if (result.Detail is not null)
            {
                span?.SetTag("placement.detail", result.Detail);
            }

            if (result.Outcome == ActuationOutcome.Failed)
            {
                span?.SetStatus(ActivityStatusCode.Error, result.Detail);
            }
        }

        PlacementMetrics.Record(kind, result.Outcome);
        _recent.AddFirst(decision);
        while (_recent.Count > Math.Max(1, _options.RecentDecisions))
        {
            _recent.RemoveLast();
        }
    }
}
