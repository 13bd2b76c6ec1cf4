using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// Labels and selectors agree: a workload's selector matches its own pods and no other workload's;
/// every Service selects pods whose containers declare its target ports; every PodDisruptionBudget
/// covers exactly one workload and still allows one voluntary disruption; every replicated workload
/// and every silo workload has a budget.
/// </summary>
public static class SelectorRules
{
    public static void Check(RenderedManifests manifests, List<Violation> found)
    {
        CheckWorkloadSelectors(manifests, found);
        CheckServices(manifests, found);
        CheckDisruptionBudgets(manifests, found);
    }

    private static void CheckWorkloadSelectors(RenderedManifests manifests, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads)
        {
            if (LabelSelectors.IsEmpty(workload.Selector))
            {
                found.Add(new(RuleIds.Selectors, workload.Id, "empty selector"));
                continue;
            }

            if (!LabelSelectors.Matches(workload.Selector, workload.PodLabels))
            {
                found.Add(new(RuleIds.Selectors, workload.Id, "selector does not match its own pod template labels"));
            }

            foreach (var other in manifests.Workloads.Where(o => o != workload && o.Namespace == workload.Namespace))
            {
                if (LabelSelectors.Matches(workload.Selector, other.PodLabels))
                {
                    found.Add(new(RuleIds.Selectors, workload.Id, $"selector also matches the pods of {other.Id}"));
                }
            }
        }
    }

    private static void CheckServices(RenderedManifests manifests, List<Violation> found)
    {
        foreach (var service in manifests.Of<V1Service>())
        {
            var subject = $"Service {service.Namespace()}/{service.Name()}";
            var selected = manifests.Workloads
                .Where(w => w.Namespace == service.Namespace() && LabelSelectors.Matches(service.Spec.Selector, w.PodLabels))
                .ToList();
            if (selected.Count == 0)
            {
                found.Add(new(RuleIds.Services, subject, "selects no pods of any workload in the render"));
                continue;
            }

            foreach (var port in service.Spec.Ports ?? [])
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var workload in selected)
                {
                    var containerPorts = (workload.Pod.Containers ?? []).SelectMany(c => c.Ports ?? []).ToList();
                    var ok = int.TryParse(target, out var number)
                        ? containerPorts.Any(p => p.ContainerPort == number)
                        : containerPorts.Any(p => p.Name == target);
                    if (!ok)
                    {
                        found.Add(new(RuleIds.Services, subject, $"port {port.Name ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} targets '{target}', which {workload.Id} does not declare"));
                    }
                }
            }
        }
    }

    private static void CheckDisruptionBudgets(RenderedManifests manifests, List<Violation> found)
    {
        var covered = new HashSet<Workload>();
        foreach (var budget in manifests.Of<V1PodDisruptionBudget>())
        {
            var subject = $"PodDisruptionBudget {budget.Namespace()}/{budget.Name()}";
            var selector = budget.Spec.Selector;
            var selected = LabelSelectors.IsEmpty(selector)
                ? []
                : manifests.Workloads.Where(w => w.Namespace == budget.Namespace() && LabelSelectors.Matches(selector!, w.PodLabels)).ToList();
            if (selected.Count != 1)
            {
                found.Add(new(RuleIds.DisruptionBudgets, subject,
                    selected.Count == 0
                        ? "must select the pods of exactly one workload, selects none"
                        : $"must select the pods of exactly one workload, selects {string.Join(", ", selected.Select(w => w.Id))}"));
                continue;
            }

            var workload = selected[0];
            covered.Add(workload);
            var spec = budget.Spec;
            var blocks = spec switch
            {
                { MaxUnavailable: { } max } => max.Value is "0" or "0%",
                { MinAvailable: { } min } => int.TryParse(min.Value, out var n) ? n >= workload.Replicas : min.Value == "100%",
                _ => true,
            };
            if (blocks)
            {
                found.Add(new(RuleIds.DisruptionBudgets, subject, $"allows no voluntary disruption of {workload.Id} ({workload.Replicas} replicas): node drains would hang"));
            }
        }

        foreach (var workload in manifests.Workloads.Where(w => !covered.Contains(w) && (w.Replicas > 1 || SiloRules.IsSilo(w))))
        {
            found.Add(new(RuleIds.DisruptionBudgets, workload.Id, "has no PodDisruptionBudget"));
        }
    }
}
