using System.Net;
using Coordination.Deployment.Tests.Rules;
using k8s.Models;

namespace Coordination.Deployment.Tests.Network;

/// <summary>
/// NetworkPolicy semantics (networking.k8s.io/v1): a connection is admitted when the source's egress and
/// the destination's ingress both admit it. A side is unrestricted until some policy of that type selects
/// its pod; then one rule of one selecting policy must match the peer and the port. Named ports resolve
/// against the destination pod. ipBlock peers are assumed to match pod addresses too (the conservative
/// reading: the spec leaves it to the network plugin).
/// </summary>
public sealed class NetworkPolicyEvaluator(IReadOnlyList<V1NetworkPolicy> policies)
{
    public (bool Admitted, string Reason) Admits(NetworkEndpoint source, NetworkEndpoint destination, int port, string protocol)
    {
        var egress = Side(source, "Egress", p => p.Spec.Egress?.Select(r => (r.To, r.Ports)), destination, destination, port, protocol);
        if (!egress.Admitted)
        {
            return (false, $"egress of {source}: {egress.Reason}");
        }

        var ingress = Side(destination, "Ingress", p => p.Spec.Ingress?.Select(r => (r.FromProperty, r.Ports)), source, destination, port, protocol);
        return ingress.Admitted ? (true, $"egress: {egress.Reason}; ingress: {ingress.Reason}") : (false, $"ingress of {destination}: {ingress.Reason}");
    }

    private (bool Admitted, string Reason) Side(
        NetworkEndpoint pod,
        string type,
        Func<V1NetworkPolicy, IEnumerable<(IList<V1NetworkPolicyPeer> Peers, IList<V1NetworkPolicyPort> Ports)>?> rulesOf,
        NetworkEndpoint peer,
        NetworkEndpoint destination,
        int port,
        string protocol)
    {
        if (!pod.IsPod)
        {
            return (true, "not a pod");
        }

        var selecting = policies.Where(p => p.Namespace() == pod.Namespace && LabelSelectors.Matches(p.Spec.PodSelector ?? new V1LabelSelector(), pod.Labels) && HasType(p, type)).ToList();
        if (selecting.Count == 0)
        {
            return (true, $"no {type} policy selects it");
        }

        foreach (var policy in selecting)
        {
            foreach (var (peers, ports) in rulesOf(policy) ?? [])
            {
                if (PeersMatch(peers, policy.Namespace(), peer) && PortsMatch(ports, destination, port, protocol))
                {
                    return (true, $"policy {policy.Name()}");
                }
            }
        }

        return (false, $"no rule of {string.Join(", ", selecting.Select(p => p.Name()))} admits it");
    }

    private static bool HasType(V1NetworkPolicy policy, string type) =>
        policy.Spec.PolicyTypes is { Count: > 0 } types
            ? types.Contains(type)
            : type == "Ingress" || policy.Spec.Egress is { Count: > 0 };

    private static bool PeersMatch(IList<V1NetworkPolicyPeer>? peers, string policyNamespace, NetworkEndpoint peer)
    {
        if (peers is null || peers.Count == 0)
        {
            return true;
        }

        foreach (var candidate in peers)
        {
            if (candidate.IpBlock is { } block)
            {
                if (InBlock(block, peer.Address))
                {
                    return true;
                }

                continue;
            }

            if (!peer.IsPod)
            {
                continue;
            }

            var namespaceOk = candidate.NamespaceSelector is { } namespaces
                ? LabelSelectors.Matches(namespaces, peer.NamespaceLabels)
                : peer.Namespace == policyNamespace;
            var podOk = candidate.PodSelector is not { } pods || LabelSelectors.Matches(pods, peer.Labels);
            if (namespaceOk && podOk)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InBlock(V1IPBlock block, IPAddress address) =>
        IPNetwork.Parse(block.Cidr).Contains(address) && !(block.Except ?? []).Any(e => IPNetwork.Parse(e).Contains(address));

    private static bool PortsMatch(IList<V1NetworkPolicyPort>? ports, NetworkEndpoint destination, int port, string protocol)
    {
        if (ports is null || ports.Count == 0)
        {
            return true;
        }

        foreach (var candidate in ports)
        {
            if ((candidate.Protocol ?? "TCP") != protocol)
            {
                continue;
            }

            if (candidate.Port is null)
            {
                return true;
            }

            if (int.TryParse(candidate.Port.Value, out var number))
            {
                if (port == number || (candidate.EndPort is { } end && port > number && port <= end))
                {
                    return true;
                }
            }
            else if (destination.Ports.Any(p => p.Name == candidate.Port.Value && p.Number == port && p.Protocol == protocol))
            {
                return true;
            }
        }

        return false;
    }
}
