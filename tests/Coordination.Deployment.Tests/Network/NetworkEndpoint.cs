using System.Net;

namespace Coordination.Deployment.Tests.Network;

/// <summary>
/// A traffic source or destination: a pod (namespace and labels) or an address outside the cluster's
/// pods (namespace null, such as the API server or the internet).
/// </summary>
/// <param name="Role">The flow role (silo, redis, client, ...) the expected flows are written in.</param>
public sealed record NetworkEndpoint(
    string Name,
    string Role,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> NamespaceLabels,
    IPAddress Address,
    IReadOnlyList<NamedPort> Ports)
{
    public bool IsPod => Namespace is not null;

    public static NetworkEndpoint External(string name, string role, string address) =>
        new(name, role, null, new Dictionary<string, string>(), new Dictionary<string, string>(), IPAddress.Parse(address), []);

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
