using System.Net;
using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;
using k8s.Models;

namespace Coordination.Deployment.Tests.Network;

/// <summary>
/// Models the traffic around a render: one endpoint per workload's pods, plus stand-ins for a client in
/// another namespace, unlabelled pods inside and outside the namespace, kube-dns, the API server and the
/// internet; then evaluates every pair on every port of interest against <see cref="ExpectedFlows"/>.
/// </summary>
public sealed class FlowMatrix
{
    public const string OutsideNamespace = "apps";

    private FlowMatrix(IReadOnlyList<NetworkEndpoint> endpoints, IReadOnlySet<string> managed, NetworkPolicyEvaluator evaluator)
    {
        Endpoints = endpoints;
        Managed = managed;
        Evaluator = evaluator;
    }

    public IReadOnlyList<NetworkEndpoint> Endpoints { get; }

    /// <summary>Namespaces that have at least one NetworkPolicy.</summary>
    public IReadOnlySet<string> Managed { get; }

    public NetworkPolicyEvaluator Evaluator { get; }

    public static FlowMatrix Of(RenderedManifests manifests)
    {
        var policies = manifests.Of<V1NetworkPolicy>().ToList();
        var managed = policies.Select(p => p.Namespace()).ToHashSet();
        var endpoints = new List<NetworkEndpoint>();
        var next = 10;
        IPAddress NextPodAddress() => IPAddress.Parse($"10.244.0.{next++}");

        Dictionary<string, string> NamespaceLabels(string ns)
        {
            var labels = new Dictionary<string, string>(manifests.Find<V1Namespace>("", ns)?.Labels() ?? new Dictionary<string, string>())
            {
                ["kubernetes.io/metadata.name"] = ns,
            };
            return labels;
        }

        foreach (var workload in manifests.Workloads)
        {
            var ports = (workload.Pod.Containers ?? []).SelectMany(c => c.Ports ?? [])
                .Select(p => new NamedPort(p.Name, p.ContainerPort, p.Protocol ?? "TCP")).ToList();
            endpoints.Add(new(workload.Name, RoleOf(workload.PodLabels), workload.Namespace, workload.PodLabels,
                NamespaceLabels(workload.Namespace), NextPodAddress(), ports));
        }

        foreach (var ns in managed.Order())
        {
            endpoints.Add(new($"unlabelled-pod-in-{ns}", ExpectedFlows.Other, ns, new Dictionary<string, string> { ["app"] = "stranger" },
                NamespaceLabels(ns), NextPodAddress(), [new("http", 8080)]));
        }

        endpoints.Add(new("gateway-client", ExpectedFlows.Client, OutsideNamespace,
            new Dictionary<string, string> { ["coordination.io/gateway-client"] = "true" }, NamespaceLabels(OutsideNamespace), NextPodAddress(), []));
        endpoints.Add(new("unlabelled-pod", ExpectedFlows.Other, OutsideNamespace, new Dictionary<string, string>(), NamespaceLabels(OutsideNamespace), NextPodAddress(), []));
        endpoints.Add(new("kube-dns", ExpectedFlows.Dns, "kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" },
            NamespaceLabels("kube-system"), NextPodAddress(), [new("dns", 53, "UDP"), new("dns-tcp", 53)]));
        endpoints.Add(NetworkEndpoint.External("kube-apiserver", ExpectedFlows.ApiServer, "192.168.0.10"));
        endpoints.Add(NetworkEndpoint.External("internet", ExpectedFlows.Internet, "203.0.113.7"));
        return new FlowMatrix(endpoints, managed, new NetworkPolicyEvaluator(policies));
    }

    public static string RoleOf(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault("app.kubernetes.io/name") switch
        {
            SiloSettings.PodNameLabelValue => ExpectedFlows.Silo,
            "coordination-redis" => ExpectedFlows.Redis,
            "jaeger" => ExpectedFlows.OtlpCollector,
            "prometheus" => ExpectedFlows.Prometheus,
            _ when labels.GetValueOrDefault("coordination.io/gateway-client") == "true" => ExpectedFlows.Client,
            _ => ExpectedFlows.Other,
        };

    /// <summary>Every (source, destination, port) that involves a managed namespace, with the verdicts.</summary>
    public IEnumerable<FlowVerdict> Evaluate()
    {
        var ports = ExpectedFlows.ProbedPorts
            .Concat(Endpoints.SelectMany(e => e.Ports).Select(p => (p.Number, p.Protocol)))
            .Distinct()
            .Order()
            .ToList();
        foreach (var source in Endpoints)
        {
            foreach (var destination in Endpoints)
            {
                if (!ExpectedFlows.IsManaged(source, Managed) && !ExpectedFlows.IsManaged(destination, Managed))
                {
                    continue;
                }

                foreach (var (port, protocol) in ports)
                {
                    var (admitted, reason) = Evaluator.Admits(source, destination, port, protocol);
                    yield return new FlowVerdict(source, destination, port, protocol, admitted, reason,
                        ExpectedFlows.Find(source, destination, port, protocol, Managed));
                }
            }
        }
    }

    /// <summary>Flows admitted that are not listed, and listed flows that are not admitted.</summary>
    public static void Check(RenderedManifests manifests, List<Violation> found)
    {
        var matrix = Of(manifests);
        if (matrix.Managed.Count == 0)
        {
            return;
        }

        foreach (var verdict in matrix.Evaluate().Where(v => v.Admitted != (v.Expected is not null)))
        {
            var subject = $"{verdict.Source} -> {verdict.Destination} {verdict.Port}/{verdict.Protocol}";
            found.Add(verdict.Admitted
                ? new(RuleIds.NetworkFlows, subject, $"admitted ({verdict.Reason}) but not a listed flow")
                : new(RuleIds.NetworkFlows, subject, $"listed flow '{verdict.Expected!.Why}' is not admitted: {verdict.Reason}"));
        }
    }
}
