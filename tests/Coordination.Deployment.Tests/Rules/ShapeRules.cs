using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// What each overlay must add up to. base: plain silos (>= 2) and two scheduler silos, no Jetson
/// constraints. dev: exactly one silo pod, which is also the scheduler, no Jetson constraints. jetson:
/// every pod required onto Jetson nodes, silos placed per tier (scheduler silos on high-performance,
/// some silos on each tier), edge-tier pods tolerate the edge taint and no other pod does, and the
/// robotics workloads (perception, inference, sensor-processing) use the placement scheduler and state
/// their GPU memory.
/// </summary>
public static class ShapeRules
{
    public static readonly IReadOnlyList<string> RoboticsWorkloads = ["perception", "inference", "sensor-processing"];

    public static void Check(RenderedManifests manifests, OverlayExpectations expectations, List<Violation> found)
    {
        switch (expectations.Shape)
        {
            case OverlayShape.Base:
                CheckCluster(manifests, found);
                CheckNoJetsonConstraints(manifests, RuleIds.ClusterShape, found);
                break;
            case OverlayShape.Dev:
                CheckDev(manifests, found);
                CheckNoJetsonConstraints(manifests, RuleIds.DevShape, found);
                break;
            case OverlayShape.Jetson:
                CheckCluster(manifests, found);
                CheckJetson(manifests, found);
                CheckRobotics(manifests, found);
                break;
            case OverlayShape.Component:
            default:
                break;
        }
    }

    private static List<(Workload Workload, bool Scheduler)> Silos(RenderedManifests manifests) =>
        [.. manifests.Workloads.Where(SiloRules.IsSilo).Select(w => (w, SiloRules.SiloContainer(w) is { } c
            && SiloRules.IsScheduler(EffectiveEnvironment.Of(c, w.Namespace, manifests))))];

    private static void CheckCluster(RenderedManifests manifests, List<Violation> found)
    {
        var silos = Silos(manifests);
        var schedulers = silos.Where(s => s.Scheduler).Sum(s => s.Workload.Replicas);
        var plain = silos.Where(s => !s.Scheduler).Sum(s => s.Workload.Replicas);
        if (schedulers != 2)
        {
            found.Add(new(RuleIds.ClusterShape, manifests.Source, $"runs {schedulers} scheduler silo pods, expected 2"));
        }

        if (plain < 2)
        {
            found.Add(new(RuleIds.ClusterShape, manifests.Source, $"runs {plain} plain silo pods, expected at least 2"));
        }
    }

    private static void CheckDev(RenderedManifests manifests, List<Violation> found)
    {
        var silos = Silos(manifests);
        var pods = silos.Sum(s => s.Workload.Replicas);
        if (pods != 1)
        {
            found.Add(new(RuleIds.DevShape, manifests.Source, $"runs {pods} silo pods ({string.Join(", ", silos.Select(s => $"{s.Workload.Name}: {s.Workload.Replicas}"))}), expected exactly 1"));
        }

        foreach (var (workload, _) in silos.Where(s => s.Workload.Replicas > 0 && !s.Scheduler))
        {
            found.Add(new(RuleIds.DevShape, workload.Id, $"the single dev silo must also have the '{SiloSettings.SchedulerRole}' role"));
        }
    }

    private static IEnumerable<string> SchedulingKeys(V1PodSpec pod)
    {
        foreach (var key in pod.NodeSelector?.Keys ?? [])
        {
            yield return key;
        }

        foreach (var term in pod.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [])
        {
            foreach (var expression in term.MatchExpressions ?? [])
            {
                yield return expression.Key;
            }
        }

        foreach (var preference in pod.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [])
        {
            foreach (var expression in preference.Preference?.MatchExpressions ?? [])
            {
                yield return expression.Key;
            }
        }

        foreach (var toleration in pod.Tolerations ?? [])
        {
            if (toleration.Key is { } key)
            {
                yield return key;
            }
        }
    }

    private static void CheckNoJetsonConstraints(RenderedManifests manifests, string rule, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads)
        {
            var keys = SchedulingKeys(workload.Pod).Where(JetsonLabels.IsJetsonKey).Distinct().Order().ToList();
            if (keys.Count > 0)
            {
                found.Add(new(rule, workload.Id, $"has Jetson scheduling constraints ({string.Join(", ", keys)}); only overlays/jetson adds them"));
            }

            if (workload.Pod.SchedulerName is { } scheduler && scheduler != "default-scheduler")
            {
                found.Add(new(rule, workload.Id, $"uses scheduler '{scheduler}'"));
            }
        }
    }

    /// <summary>The tiers a pod may land on: from its required node affinity (In) or its nodeSelector; null when unconstrained.</summary>
    public static IReadOnlySet<string>? TiersOf(V1PodSpec pod)
    {
        if (pod.NodeSelector?.TryGetValue(JetsonLabels.Tier, out var tier) == true)
        {
            return new HashSet<string> { tier };
        }

        var terms = pod.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [];
        var tiers = terms.SelectMany(t => t.MatchExpressions ?? [])
            .Where(e => e.Key == JetsonLabels.Tier && e.OperatorProperty == "In")
            .SelectMany(e => e.Values ?? [])
            .ToHashSet();
        return tiers.Count == 0 ? null : tiers;
    }

    private static bool RequiresGpuNode(V1PodSpec pod)
    {
        var terms = pod.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [];
        return terms.Count > 0 && terms.All(t => (t.MatchExpressions ?? []).Any(e => e.Key == JetsonLabels.GpuProduct && e.OperatorProperty == "Exists"));
    }

    private static bool ToleratesEdge(V1PodSpec pod) =>
        (pod.Tolerations ?? []).Any(t => t.Key == JetsonLabels.EdgeTaint
            && (t.Effect is null || t.Effect == "NoSchedule")
            && (t.OperatorProperty == "Exists" || ((t.OperatorProperty ?? "Equal") == "Equal" && t.Value == "true")));

    private static void CheckJetson(RenderedManifests manifests, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads)
        {
            var pod = workload.Pod;
            if (!RequiresGpuNode(pod))
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, $"every required node-affinity term must require '{JetsonLabels.GpuProduct}' (Exists)"));
            }

            var tiers = TiersOf(pod);
            foreach (var unknown in (tiers ?? new HashSet<string>()).Where(t => !JetsonLabels.Tiers.Contains(t)))
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, $"tier '{unknown}' is not one of {string.Join(", ", JetsonLabels.Tiers)}"));
            }

            var onEdge = tiers?.Contains(JetsonLabels.Edge) == true;
            if (onEdge && !ToleratesEdge(pod))
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, $"is placed on the edge tier but does not tolerate the taint {JetsonLabels.EdgeTaint}=true:NoSchedule"));
            }
            else if (!onEdge && ToleratesEdge(pod))
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, "tolerates the edge taint but is not placed on the edge tier"));
            }
        }

        var silos = Silos(manifests);
        var covered = new HashSet<string>();
        foreach (var (workload, scheduler) in silos)
        {
            var tiers = TiersOf(workload.Pod);
            if (tiers is null)
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, $"silo workloads are placed per tier ({JetsonLabels.Tier} In ...)"));
                continue;
            }

            covered.UnionWith(tiers);
            if (scheduler && !tiers.SetEquals([JetsonLabels.HighPerformance]))
            {
                found.Add(new(RuleIds.JetsonPlacement, workload.Id, $"scheduler silos run on the {JetsonLabels.HighPerformance} tier only, not {string.Join(", ", tiers.Order())}"));
            }
        }

        foreach (var missing in JetsonLabels.Tiers.Except(covered).Order())
        {
            found.Add(new(RuleIds.JetsonPlacement, manifests.Source, $"no silo workload is placed on the {missing} tier"));
        }
    }

    private static void CheckRobotics(RenderedManifests manifests, List<Violation> found)
    {
        var silosNamespace = manifests.Workloads.Where(SiloRules.IsSilo).Select(w => w.Namespace).FirstOrDefault();
        var robotics = manifests.Workloads.Where(w => w.Namespace != silosNamespace).ToList();
        foreach (var name in RoboticsWorkloads.Where(n => robotics.All(w => w.Name != n)))
        {
            found.Add(new(RuleIds.RoboticsWorkloads, manifests.Source, $"no example workload '{name}'"));
        }

        foreach (var workload in robotics)
        {
            if (workload.Pod.SchedulerName != SiloSettings.SchedulerName)
            {
                found.Add(new(RuleIds.RoboticsWorkloads, workload.Id, $"schedulerName must be '{SiloSettings.SchedulerName}', is '{workload.Pod.SchedulerName ?? "default-scheduler"}'"));
            }

            var annotations = workload.Template.Metadata?.Annotations;
            if (annotations?.TryGetValue(JetsonLabels.GpuMemoryAnnotation, out var value) != true
                || !int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mib) || mib <= 0)
            {
                found.Add(new(RuleIds.RoboticsWorkloads, workload.Id, $"pod annotation {JetsonLabels.GpuMemoryAnnotation} must be a positive whole number of MiB"));
            }

            if (TiersOf(workload.Pod) is null)
            {
                found.Add(new(RuleIds.RoboticsWorkloads, workload.Id, $"selects no tier ({JetsonLabels.Tier})"));
            }
        }
    }
}
