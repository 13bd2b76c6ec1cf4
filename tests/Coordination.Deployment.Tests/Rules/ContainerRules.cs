using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// Every container of every workload: cpu and memory requests, a memory limit and no CPU limit,
/// readiness and liveness probes on declared ports, non-root with a read-only root filesystem, no
/// privilege escalation and all capabilities dropped, and a pinned image tag.
/// </summary>
public static class ContainerRules
{
    public static void Check(RenderedManifests manifests, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads)
        {
            var initNames = (workload.Pod.InitContainers ?? []).Select(c => c.Name).ToHashSet();
            foreach (var container in workload.AllContainers)
            {
                var subject = $"{workload.Id} container {container.Name}";
                CheckResources(container, subject, found);
                if (!initNames.Contains(container.Name))
                {
                    CheckProbes(container, subject, found);
                }

                CheckSecurity(workload.Pod.SecurityContext, container, subject, found);
                CheckImage(container, subject, found);
            }
        }
    }

    private static void CheckResources(V1Container container, string subject, List<Violation> found)
    {
        var requests = container.Resources?.Requests;
        var limits = container.Resources?.Limits;
        foreach (var resource in new[] { "cpu", "memory" })
        {
            if (Quantities.Get(requests, resource) is not > 0)
            {
                found.Add(new(RuleIds.Requests, subject, $"no positive {resource} request"));
            }
        }

        var memoryLimit = Quantities.Get(limits, "memory");
        if (memoryLimit is null)
        {
            found.Add(new(RuleIds.MemoryLimit, subject, "no memory limit"));
        }
        else if (Quantities.Get(requests, "memory") is { } memoryRequest && memoryLimit < memoryRequest)
        {
            found.Add(new(RuleIds.MemoryLimit, subject, $"memory limit {limits!["memory"]} is below the request {requests!["memory"]}"));
        }

        if (limits is not null && limits.ContainsKey("cpu"))
        {
            found.Add(new(RuleIds.NoCpuLimit, subject, $"has a CPU limit ({limits["cpu"]}); set only a CPU request"));
        }
    }

    private static void CheckProbes(V1Container container, string subject, List<Violation> found)
    {
        if (container.ReadinessProbe is null)
        {
            found.Add(new(RuleIds.Probes, subject, "no readiness probe"));
        }

        if (container.LivenessProbe is null)
        {
            found.Add(new(RuleIds.Probes, subject, "no liveness probe"));
        }

        var ports = container.Ports ?? [];
        foreach (var (kind, probe) in new[] { ("startup", container.StartupProbe), ("readiness", container.ReadinessProbe), ("liveness", container.LivenessProbe) })
        {
            var port = probe?.HttpGet?.Port ?? probe?.TcpSocket?.Port;
            if (port is null)
            {
                continue;
            }

            var declared = int.TryParse(port.Value, out var number)
                ? ports.Any(p => p.ContainerPort == number)
                : ports.Any(p => p.Name == port.Value);
            if (!declared)
            {
                found.Add(new(RuleIds.Probes, subject, $"{kind} probe port '{port.Value}' is not a declared container port"));
            }
        }
    }

    private static void CheckSecurity(V1PodSecurityContext? pod, V1Container container, string subject, List<Violation> found)
    {
        var context = container.SecurityContext;
        var runAsNonRoot = context?.RunAsNonRoot ?? pod?.RunAsNonRoot;
        if (runAsNonRoot != true)
        {
            found.Add(new(RuleIds.NonRoot, subject, "runAsNonRoot is not true (set it on the pod or the container)"));
        }

        if ((context?.RunAsUser ?? pod?.RunAsUser) == 0)
        {
            found.Add(new(RuleIds.NonRoot, subject, "runAsUser is 0 (root)"));
        }

        if (context?.ReadOnlyRootFilesystem != true)
        {
            found.Add(new(RuleIds.NonRoot, subject, "readOnlyRootFilesystem is not true"));
        }

        if (context?.AllowPrivilegeEscalation != false)
        {
            found.Add(new(RuleIds.NonRoot, subject, "allowPrivilegeEscalation is not false"));
        }

        if (context?.Privileged == true)
        {
            found.Add(new(RuleIds.NonRoot, subject, "runs privileged"));
        }

        if (context?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            found.Add(new(RuleIds.NonRoot, subject, "capabilities do not drop ALL"));
        }

        if (context?.Capabilities?.Add is { Count: > 0 } added)
        {
            found.Add(new(RuleIds.NonRoot, subject, $"adds capabilities {string.Join(", ", added)}"));
        }
    }

    private static void CheckImage(V1Container container, string subject, List<Violation> found)
    {
        var image = container.Image ?? "";
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        if (image.Contains('@'))
        {
            return;
        }

        var colon = lastSegment.IndexOf(':');
        if (colon < 0 || lastSegment[(colon + 1)..] is "" or "latest")
        {
            found.Add(new(RuleIds.Images, subject, $"image '{image}' has no pinned tag (or is ':latest')"));
        }
    }
}
