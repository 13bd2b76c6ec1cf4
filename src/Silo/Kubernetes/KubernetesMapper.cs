using System.Globalization;
using Coordination.Placement;
using Coordination.Placement.Engine;
using k8s.Models;

namespace Coordination.Silo.Kubernetes;

/// <summary>Maps Kubernetes objects to the placement grain's cluster model.</summary>
public static class KubernetesMapper
{
    private const long MiB = 1024 * 1024;

    /// <summary>A node: labels, taints, allocatable cpu and memory, GPU memory from its Jetson profile label, readiness, cordon.</summary>
    public static ClusterNode ToNode(V1Node node, string schedulerName)
    {
        ArgumentNullException.ThrowIfNull(node);
        var labels = Copy(node.Metadata?.Labels);
        var allocatable = node.Status?.Allocatable;
        var cpu = Millicores(allocatable, "cpu");
        var memory = MemoryMiB(allocatable, "memory");
        long gpu = 0;
        if (labels.TryGetValue(WorkloadAnnotations.JetsonProfileLabel, out var profileId) && JetsonProfiles.TryGet(profileId, out var profile))
        {
            gpu = profile.Allocatable.GpuMemoryMiB;
        }

        var ready = node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") ?? false;
        var annotations = node.Metadata?.Annotations;
        return new ClusterNode(node.Metadata?.Name ?? string.Empty)
        {
            Labels = labels,
            Taints = node.Spec?.Taints?.Select(t => new Taint(t.Key ?? string.Empty, t.Value ?? string.Empty, Effect(t.Effect) ?? TaintEffect.NoSchedule)).ToList() ?? [],
            Allocatable = new Resources(gpu, cpu, memory),
            Ready = ready,
            Unschedulable = node.Spec?.Unschedulable == true,
            CordonedByPlacement = annotations is not null
                && annotations.TryGetValue(WorkloadAnnotations.CordonedBy, out var by)
                && string.Equals(by, schedulerName, StringComparison.Ordinal),
        };
    }

    /// <summary>Whether a pod is one the placement grain considers (not finished, not being deleted).</summary>
    public static bool IsLive(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata?.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");
    }

    /// <summary>A pod: workload, node, priority, requests (GPU memory from its annotation), constraints.</summary>
    public static ClusterPod ToPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var meta = pod.Metadata ?? new V1ObjectMeta();
        var spec = pod.Spec ?? new V1PodSpec();
        var ns = meta.NamespaceProperty ?? "default";
        var labels = Copy(meta.Labels);
        var annotations = Copy(meta.Annotations);
        long cpu = 0, memory = 0;
        foreach (var container in spec.Containers ?? [])
        {
            cpu += Millicores(container.Resources?.Requests, "cpu");
            memory += MemoryMiB(container.Resources?.Requests, "memory");
        }

        var gpu = annotations.TryGetValue(WorkloadAnnotations.GpuMemoryMiB, out var gpuText)
            && long.TryParse(gpuText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedGpu) && parsedGpu >= 0
                ? parsedGpu
                : 0;
        var priority = spec.Priority
            ?? (annotations.TryGetValue(WorkloadAnnotations.Priority, out var p) && int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);

        var affinity = spec.Affinity;
        var nodeTerms = affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms?
            .Select(t => (IReadOnlyList<NodeSelectorRequirement>)(t.MatchExpressions ?? [])
                .Select(e => new NodeSelectorRequirement(e.Key ?? string.Empty, e.OperatorProperty ?? string.Empty, e.Values?.ToList() ?? []))
                .ToList())
            .ToList() ?? [];
        var antiAffinity = affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?
            .Where(t => t.TopologyKey == "kubernetes.io/hostname" && t.LabelSelector?.MatchLabels is not null)
            .Select(t => t.LabelSelector.MatchLabels.TryGetValue(WorkloadAnnotations.NameLabel, out var name) ? name : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];

        return new ClusterPod(new PodKey(ns, meta.Name ?? string.Empty), new WorkloadKey(ns, WorkloadOf(meta, labels, annotations)))
        {
            NodeName = string.IsNullOrEmpty(spec.NodeName) ? null : spec.NodeName,
            Priority = priority,
            Requests = new Resources(gpu, cpu, memory),
            NodeSelector = Copy(spec.NodeSelector),
            RequiredNodeAffinity = nodeTerms,
            Tolerations = spec.Tolerations?.Select(ToToleration).ToList() ?? [],
            AntiAffinity = antiAffinity,
            Labels = labels,
            CreatedAt = meta.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : DateTimeOffset.MinValue,
        };
    }

    /// <summary>A Deployment and its autoscaling annotations.</summary>
    public static ClusterDeployment ToDeployment(V1Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var meta = deployment.Metadata ?? new V1ObjectMeta();
        var replicas = deployment.Spec?.Replicas ?? 1;
        var policy = WorkloadAnnotations.ParseAutoscaling(Copy(meta.Annotations), replicas, out var error);
        return new ClusterDeployment(new WorkloadKey(meta.NamespaceProperty ?? "default", meta.Name ?? string.Empty), replicas)
        {
            Autoscaling = policy,
            AutoscalingError = error,
        };
    }

    private static string WorkloadOf(V1ObjectMeta meta, Dictionary<string, string> labels, Dictionary<string, string> annotations)
    {
        if (annotations.TryGetValue(WorkloadAnnotations.Workload, out var w) && w.Length > 0)
        {
            return w;
        }

        if (labels.TryGetValue(WorkloadAnnotations.Workload, out w) && w.Length > 0)
        {
            return w;
        }

        if (labels.TryGetValue(WorkloadAnnotations.NameLabel, out w) && w.Length > 0)
        {
            return w;
        }

        // A ReplicaSet owner is named <deployment>-<template hash>.
        var owner = meta.OwnerReferences?.FirstOrDefault(o => o.Kind == "ReplicaSet")?.Name;
        if (owner is not null && owner.LastIndexOf('-') is > 0 and var dash)
        {
            return owner[..dash];
        }

        return meta.Name ?? string.Empty;
    }

    private static Toleration ToToleration(V1Toleration t) => new(
        t.Key ?? string.Empty,
        t.OperatorProperty == "Exists" ? TolerationOperator.Exists : TolerationOperator.Equal,
        t.OperatorProperty == "Exists" ? string.Empty : t.Value ?? string.Empty,
        Effect(t.Effect));

    private static TaintEffect? Effect(string? effect) => effect switch
    {
        "NoSchedule" => TaintEffect.NoSchedule,
        "PreferNoSchedule" => TaintEffect.PreferNoSchedule,
        "NoExecute" => TaintEffect.NoExecute,
        _ => null,
    };

    private static long Millicores(IDictionary<string, ResourceQuantity>? resources, string name) =>
        resources is not null && resources.TryGetValue(name, out var q) && q is not null ? (long)Math.Ceiling((decimal)q * 1000m) : 0;

    private static long MemoryMiB(IDictionary<string, ResourceQuantity>? resources, string name) =>
        resources is not null && resources.TryGetValue(name, out var q) && q is not null ? (long)Math.Ceiling((decimal)q / MiB) : 0;

    private static Dictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
