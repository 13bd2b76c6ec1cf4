using System.Globalization;
using Coordination.Placement.Engine;

namespace Coordination.Placement;

/// <summary>
/// Turns the cluster view into a <see cref="PlacementProblem"/>: pods grouped into engine workloads by workload and
/// constraints, bound pods as the current placement, victims as replicas without a current node, pending pods last.
/// Nodes that take no new replicas (cordoned, throttled) get their allocatable clamped to what stays on them, so
/// their replicas remain valid (the engine would move replicas off an unschedulable node) but nothing new fits.
/// Required node affinity, which the engine does not know, becomes a synthetic label and node selector.
/// </summary>
internal static class PlacementProblemBuilder
{
    private const string AffinityLabelPrefix = "placement.coordination.io/affinity-";

    public static BuiltProblem Build(
        IReadOnlyList<NodeCondition> nodes,
        IReadOnlyList<ClusterPod> pods,
        IReadOnlySet<PodKey> victims,
        double? maxTemperatureC)
    {
        var nodeNames = nodes.Select(n => n.Node.Name).ToHashSet(StringComparer.Ordinal);

        // Pods bound to a node the cluster no longer has are neither current nor pending: Kubernetes collects them.
        var live = pods.Where(p => p.NodeName is null || nodeNames.Contains(p.NodeName)).ToList();

        // Engine workloads: one per (workload, constraint signature).
        var groups = live
            .GroupBy(p => (p.Workload, Signature: Signature(p)))
            .OrderBy(g => g.Key.Workload.ToString(), StringComparer.Ordinal)
            .ThenBy(g => g.Key.Signature, StringComparer.Ordinal)
            .ToList();
        var variantCount = new Dictionary<WorkloadKey, int>();
        var engineNames = new List<string>(groups.Count);
        foreach (var group in groups)
        {
            var n = variantCount.GetValueOrDefault(group.Key.Workload);
            variantCount[group.Key.Workload] = n + 1;
            engineNames.Add(n == 0 ? group.Key.Workload.ToString() : string.Create(CultureInfo.InvariantCulture, $"{group.Key.Workload}#{n}"));
        }

        // Required node affinity → synthetic labels.
        var affinityLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodeExtraLabels = nodes.ToDictionary(n => n.Node.Name, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var terms = group.First().RequiredNodeAffinity;
            if (terms.Count == 0)
            {
                continue;
            }

            var signature = AffinitySignature(terms);
            if (affinityLabels.ContainsKey(signature))
            {
                continue;
            }

            var label = AffinityLabelPrefix + affinityLabels.Count.ToString(CultureInfo.InvariantCulture);
            affinityLabels[signature] = label;
            foreach (var node in nodes)
            {
                if (terms.Any(term => term.All(r => r.Matches(node.Node.Labels))))
                {
                    nodeExtraLabels[node.Node.Name][label] = "true";
                }
            }
        }

        var workloads = new List<PlacementWorkload>(groups.Count);
        var current = new List<ReplicaAssignment>();
        var slots = new Dictionary<(string, int), ReplicaSlot>();
        var staying = new Dictionary<string, Resources>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var name = engineNames[g];
            var first = group.First();
            var ordered = group
                .OrderBy(p => p.IsPending ? 2 : victims.Contains(p.Key) ? 1 : 0)
                .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var pod = ordered[i];
                var role = pod.IsPending ? ReplicaRole.Pending : victims.Contains(pod.Key) ? ReplicaRole.Victim : ReplicaRole.Current;
                slots[(name, i)] = new ReplicaSlot(pod, role, name, i);
                if (role == ReplicaRole.Current)
                {
                    current.Add(new ReplicaAssignment(name, i, pod.NodeName!));
                    staying[pod.NodeName!] = Add(staying.GetValueOrDefault(pod.NodeName!), pod.Requests);
                }
            }

            var selector = new Dictionary<string, string>(first.NodeSelector, StringComparer.Ordinal);
            if (first.RequiredNodeAffinity.Count > 0)
            {
                selector[affinityLabels[AffinitySignature(first.RequiredNodeAffinity)]] = "true";
            }

            var antiAffinity = first.AntiAffinity
                .SelectMany(target => EngineNamesOf(target, first.Workload.Namespace, groups, engineNames))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            workloads.Add(new PlacementWorkload(name)
            {
                Replicas = ordered.Count,
                Priority = group.Max(p => p.Priority),
                Requests = first.Requests,
                NodeSelector = selector,
                Tolerations = first.Tolerations,
                AntiAffinity = antiAffinity,
                MaxTemperatureC = maxTemperatureC,
            });
        }

        var problemNodes = nodes.Select(n =>
        {
            var labels = new Dictionary<string, string>(n.Node.Labels, StringComparer.Ordinal);
            foreach (var (k, v) in nodeExtraLabels[n.Node.Name])
            {
                labels[k] = v;
            }

            if (n.Node.Labels.TryGetValue(WorkloadAnnotations.JetsonProfileLabel, out var profile))
            {
                labels.TryAdd(JetsonProfiles.ProfileLabel, profile);
            }

            if (n.Node.Labels.TryGetValue(WorkloadAnnotations.TierLabel, out var tier))
            {
                labels.TryAdd(JetsonProfiles.TierLabel, tier);
            }

            var allocatable = n.Node.Allocatable;
            if (n.Closed && n.Ready)
            {
                allocatable = Min(allocatable, staying.GetValueOrDefault(n.Node.Name));
            }

            return new PlacementNode(n.Node.Name)
            {
                Profile = profile is not null && JetsonProfiles.TryGet(profile, out _) ? profile : null,
                Labels = labels,
                Taints = n.Node.Taints,
                Allocatable = allocatable,
                Ready = n.Ready,
                Unschedulable = false,
                Telemetry = n.Snapshot is { } s
                    ? new NodeTelemetry(
                        Math.Clamp(s.GpuUtilization, 0, 1),
                        double.IsFinite(s.TemperatureC) ? s.TemperatureC : null,
                        s.PowerWatts >= 0 && double.IsFinite(s.PowerWatts) ? s.PowerWatts : null,
                        s.PowerBudgetWatts > 0 && double.IsFinite(s.PowerBudgetWatts) ? s.PowerBudgetWatts : null)
                    : null,
            };
        }).ToList();

        return new BuiltProblem(new PlacementProblem(problemNodes, workloads) { Current = current }, slots);
    }

    private static IEnumerable<string> EngineNamesOf(string target, string ns, List<IGrouping<(WorkloadKey Workload, string Signature), ClusterPod>> groups, List<string> engineNames)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Key.Workload.Namespace == ns && groups[g].Key.Workload.Name == target)
            {
                yield return engineNames[g];
            }
        }
    }

    private static string Signature(ClusterPod pod) => string.Join(
        '|',
        pod.Requests.GpuMemoryMiB.ToString(CultureInfo.InvariantCulture),
        pod.Requests.CpuMillicores.ToString(CultureInfo.InvariantCulture),
        pod.Requests.MemoryMiB.ToString(CultureInfo.InvariantCulture),
        string.Join(',', pod.NodeSelector.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")),
        string.Join(',', pod.Tolerations.Select(t => $"{t.Key}:{t.Operator}:{t.Value}:{t.Effect}")),
        string.Join(',', pod.AntiAffinity.Order(StringComparer.Ordinal)),
        AffinitySignature(pod.RequiredNodeAffinity));

    private static string AffinitySignature(IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> terms) =>
        string.Join(" || ", terms.Select(t => string.Join(" && ", t.Select(r => $"{r.Key} {r.Operator} {string.Join(',', r.Values)}"))));

    private static Resources Add(Resources a, Resources b) =>
        new(a.GpuMemoryMiB + b.GpuMemoryMiB, a.CpuMillicores + b.CpuMillicores, a.MemoryMiB + b.MemoryMiB);

    private static Resources Min(Resources a, Resources b) =>
        new(Math.Min(a.GpuMemoryMiB, b.GpuMemoryMiB), Math.Min(a.CpuMillicores, b.CpuMillicores), Math.Min(a.MemoryMiB, b.MemoryMiB));
}
