using Coordination.Deployment.Tests.Network;
using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests;

/// <summary>The policy model itself, on tiny inline policies.</summary>
public sealed class NetworkPolicyEvaluatorTests
{
    private static readonly NetworkEndpoint s_web = Pod("web", "shop", new() { ["app"] = "web" }, new NamedPort("http", 8080));
    private static readonly NetworkEndpoint s_db = Pod("db", "shop", new() { ["app"] = "db" }, new NamedPort("sql", 5432));
    private static readonly NetworkEndpoint s_otherWeb = Pod("web", "other", new() { ["app"] = "web" });
    private static readonly NetworkEndpoint s_outside = NetworkEndpoint.External("outside", "internet", "203.0.113.9");

    private static NetworkEndpoint Pod(string name, string ns, Dictionary<string, string> labels, params NamedPort[] ports) =>
        new(name, "x", ns, labels, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns, ["team"] = ns }, System.Net.IPAddress.Parse(ns == "shop" ? "10.0.0.1" : "10.1.0.1"), ports);

    private static NetworkPolicyEvaluator Policies(params string[] documents) =>
        new([.. RenderedManifests.Load("inline", string.Join("\n---\n", documents)).Of<V1NetworkPolicy>()]);

    private const string DefaultDeny = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """;

    [Fact]
    public void WithoutPoliciesEverythingIsAdmitted() =>
        Assert.True(new NetworkPolicyEvaluator([]).Admits(s_web, s_db, 5432, "TCP").Admitted);

    [Fact]
    public void DefaultDenyBlocksBothDirections()
    {
        var policies = Policies(DefaultDeny);

        Assert.False(policies.Admits(s_web, s_db, 5432, "TCP").Admitted);
        Assert.False(policies.Admits(s_outside, s_web, 8080, "TCP").Admitted);
        Assert.StartsWith("egress of shop/web", policies.Admits(s_web, s_outside, 80, "TCP").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PodSelectorPeerMeansTheSameNamespaceAndNamedPortsResolveAtTheDestination()
    {
        var policies = Policies(DefaultDeny, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-in, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
                - from: [{podSelector: {matchLabels: {app: web}}}]
                  ports: [{port: sql}]
            """, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-out, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
                - to: [{podSelector: {matchLabels: {app: db}}}]
                  ports: [{port: 5432, protocol: TCP}]
            """);

        Assert.True(policies.Admits(s_web, s_db, 5432, "TCP").Admitted);
        Assert.False(policies.Admits(s_web, s_db, 5433, "TCP").Admitted);
        Assert.False(policies.Admits(s_web, s_db, 5432, "UDP").Admitted);
        Assert.False(policies.Admits(s_otherWeb, s_db, 5432, "TCP").Admitted);
    }

    [Fact]
    public void NamespaceAndPodSelectorInOnePeerMustBothMatch()
    {
        var policies = Policies("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-in, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
                - from: [{namespaceSelector: {matchLabels: {team: other}}, podSelector: {matchLabels: {app: web}}}]
            """);

        Assert.True(policies.Admits(s_otherWeb, s_web, 8080, "TCP").Admitted);
        Assert.False(policies.Admits(s_db, s_web, 8080, "TCP").Admitted);
        Assert.False(policies.Admits(s_outside, s_web, 8080, "TCP").Admitted);
    }

    [Fact]
    public void IpBlockHonoursExceptAndPolicyTypesDefaultToIngress()
    {
        var policies = Policies("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-in, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
                - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [203.0.113.0/24]}}]
                  ports: [{port: 8000, endPort: 8100}]
            """);

        Assert.False(policies.Admits(s_outside, s_web, 8080, "TCP").Admitted);
        Assert.True(policies.Admits(s_otherWeb, s_web, 8080, "TCP").Admitted);
        Assert.False(policies.Admits(s_otherWeb, s_web, 8101, "TCP").Admitted);
        Assert.True(policies.Admits(s_web, s_outside, 443, "TCP").Admitted);
    }
}
