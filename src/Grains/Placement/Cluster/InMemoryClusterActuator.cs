namespace Coordination.Placement;

/// <summary>
/// A cluster kept in memory that behaves like the Kubernetes API for what the placement grain does: bindings
/// (a pod is bound once), evictions honouring PodDisruptionBudgets (refused with <see cref="ActuationOutcome.Retry"/>,
/// as the API's 429), Deployments whose pods are recreated after an eviction (as a ReplicaSet does) and scaled,
/// and cordons. The default actuator of silos without Kubernetes actuation (then simply empty); tests and the
/// simulator fill it. Thread-safe.
/// </summary>
public sealed class InMemoryClusterActuator : IClusterActuator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ClusterNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<PodKey, ClusterPod> _pods = [];
    private readonly Dictionary<WorkloadKey, (ClusterDeployment Deployment, ClusterPod Template)> _deployments = [];
    private readonly List<InMemoryDisruptionBudget> _budgets = [];
    private readonly List<ActuatorCall> _calls = [];
    private readonly TimeProvider _clock;
    private long _podCounter;

    public InMemoryClusterActuator()
        : this(TimeProvider.System)
    {
    }

    public InMemoryClusterActuator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    public string Name => "in-memory";

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<ActuatorCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Adds or replaces a node.</summary>
    public void SetNode(ClusterNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_lock)
        {
            _nodes[node.Name] = node;
        }
    }

    /// <summary>Changes a node (e.g. marks it not ready); throws when it is unknown.</summary>
    public void UpdateNode(string name, Func<ClusterNode, ClusterNode> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            _nodes[name] = change(_nodes.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"node '{name}' is unknown"));
        }
    }

    /// <summary>Adds a pod (pending, or bound when <see cref="ClusterPod.NodeName"/> is set).</summary>
    public void AddPod(ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_lock)
        {
            _pods[pod.Key] = pod;
        }
    }

    /// <summary>
    /// Adds a Deployment with <paramref name="replicas"/> pending pods made from <paramref name="template"/>
    /// (its key and workload are replaced); pods are named <c>name-N</c>.
    /// </summary>
    public void AddDeployment(WorkloadKey key, int replicas, ClusterPod template, WorkloadAutoscaling? autoscaling = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        lock (_lock)
        {
            _deployments[key] = (new ClusterDeployment(key, replicas) { Autoscaling = autoscaling }, template);
            for (var i = 0; i < replicas; i++)
            {
                CreatePodLocked(key, template);
            }
        }
    }

    /// <summary>Adds a PodDisruptionBudget.</summary>
    public void AddDisruptionBudget(InMemoryDisruptionBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        lock (_lock)
        {
            _budgets.Add(budget);
        }
    }

    /// <summary>The pods now, bound and pending.</summary>
    public IReadOnlyList<ClusterPod> Pods
    {
        get
        {
            lock (_lock)
            {
                return [.. _pods.Values.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>A node now.</summary>
    public ClusterNode GetNode(string name)
    {
        lock (_lock)
        {
            return _nodes[name];
        }
    }

    /// <summary>A Deployment's replica count now.</summary>
    public int GetReplicas(WorkloadKey key)
    {
        lock (_lock)
        {
            return _deployments[key].Deployment.Replicas;
        }
    }

    public Task<ClusterView> ObserveAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new ClusterView(
                [.. _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)],
                [.. _pods.Values.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)],
                [.. _deployments.Values.Select(d => d.Deployment).OrderBy(d => d.Key.ToString(), StringComparer.Ordinal)]));
        }
    }

    public Task<ActuationResult> BindAsync(PodKey pod, string node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ActuationResult result;
            if (!_pods.TryGetValue(pod, out var existing))
            {
                result = ActuationResult.Failed($"404 NotFound: pod {pod} not found");
            }
            else if (existing.NodeName is { } bound)
            {
                result = ActuationResult.Failed($"409 Conflict: pod {pod} is already assigned to node {bound}");
            }
            else if (!_nodes.ContainsKey(node))
            {
                result = ActuationResult.Failed($"404 NotFound: node {node} not found");
            }
            else
            {
                _pods[pod] = existing with { NodeName = node };
                result = ActuationResult.Done;
            }

            return Record(PlacementDecisionKind.Bind, pod.ToString(), node, result);
        }
    }

    public Task<ActuationResult> EvictAsync(PodKey pod, string reason, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ActuationResult result;
            if (!_pods.TryGetValue(pod, out var existing))
            {
                result = ActuationResult.Failed($"404 NotFound: pod {pod} not found");
            }
            else if (BlockingBudgetLocked(existing) is { } budget)
            {
                result = ActuationResult.Retry($"429 TooManyRequests: cannot evict pod {pod}: it would violate the disruption budget (maxUnavailable {budget.MaxUnavailable})");
            }
            else
            {
                _pods.Remove(pod);
                if (_deployments.TryGetValue(existing.Workload, out var deployment))
                {
                    CreatePodLocked(existing.Workload, deployment.Template);
                }

                result = ActuationResult.Done;
            }

            return Record(PlacementDecisionKind.Evict, pod.ToString(), existing?.NodeName, result);
        }
    }

    public Task<ActuationResult> ScaleAsync(WorkloadKey deployment, int replicas, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ActuationResult result;
            if (replicas < 0)
            {
                result = ActuationResult.Failed("422 Invalid: replicas must be >= 0");
            }
            else if (!_deployments.TryGetValue(deployment, out var entry))
            {
                result = ActuationResult.Failed($"404 NotFound: deployment {deployment} not found");
            }
            else
            {
                _deployments[deployment] = (entry.Deployment with { Replicas = replicas }, entry.Template);
                var pods = _pods.Values.Where(p => p.Workload == deployment)
                    .OrderBy(p => p.IsPending ? 0 : 1)
                    .ThenByDescending(p => p.CreatedAt)
                    .ThenByDescending(p => p.Key.Name, StringComparer.Ordinal)
                    .ToList();
                for (var i = pods.Count; i < replicas; i++)
                {
                    CreatePodLocked(deployment, entry.Template);
                }

                for (var i = 0; i < pods.Count - replicas; i++)
                {
                    _pods.Remove(pods[i].Key);
                }

                result = ActuationResult.Done;
            }

            return Record(PlacementDecisionKind.Scale, deployment.ToString(), null, result);
        }
    }

    public Task<ActuationResult> SetCordonAsync(string node, bool cordon, string reason, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ActuationResult result;
            if (!_nodes.TryGetValue(node, out var existing))
            {
                result = ActuationResult.Failed($"404 NotFound: node {node} not found");
            }
            else
            {
                _nodes[node] = existing with { Unschedulable = cordon, CordonedByPlacement = cordon };
                result = ActuationResult.Done;
            }

            return Record(cordon ? PlacementDecisionKind.Cordon : PlacementDecisionKind.Uncordon, node, node, result);
        }
    }

    private InMemoryDisruptionBudget? BlockingBudgetLocked(ClusterPod pod)
    {
        foreach (var budget in _budgets)
        {
            if (budget.Namespace != pod.Key.Namespace || !Selects(budget, pod))
            {
                continue;
            }

            var matching = _pods.Values.Where(p => p.Key.Namespace == budget.Namespace && Selects(budget, p)).ToList();
            var healthy = matching.Count(IsHealthyLocked);
            var desiredHealthy = matching.Count - budget.MaxUnavailable;

            // As the API's default unhealthy-pod policy: an unhealthy pod may go while the budget is met,
            // a healthy one only if the budget stays met without it.
            var allowed = IsHealthyLocked(pod) ? healthy - 1 >= desiredHealthy : healthy >= desiredHealthy;
            if (!allowed)
            {
                return budget;
            }
        }

        return null;
    }

    private bool IsHealthyLocked(ClusterPod pod) =>
        pod.NodeName is { } node && _nodes.TryGetValue(node, out var n) && n.Ready;

    private static bool Selects(InMemoryDisruptionBudget budget, ClusterPod pod) =>
        budget.Selector.All(kv => pod.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private void CreatePodLocked(WorkloadKey workload, ClusterPod template)
    {
        var n = ++_podCounter;
        var key = new PodKey(workload.Namespace, $"{workload.Name}-{n}");
        _pods[key] = template with { Key = key, Workload = workload, NodeName = null, CreatedAt = _clock.GetUtcNow() };
    }

    private Task<ActuationResult> Record(PlacementDecisionKind kind, string target, string? node, ActuationResult result)
    {
        _calls.Add(new ActuatorCall(kind, target, node, result.Outcome, result.Detail));
        return Task.FromResult(result);
    }
}
