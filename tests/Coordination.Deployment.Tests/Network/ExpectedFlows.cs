namespace Coordination.Deployment.Tests.Network;

/// <summary>
/// The flows the NetworkPolicies must admit, and by their absence everything they must deny. Every
/// connection from or to a pod in a namespace that has NetworkPolicies ("managed") is checked against
/// this list on every port of interest.
/// </summary>
public static class ExpectedFlows
{
    public const string Silo = "silo";
    public const string Redis = "redis";
    public const string OtlpCollector = "otlp-collector";
    public const string Prometheus = "prometheus";
    public const string Client = "client";
    public const string Other = "other";
    public const string Dns = "kube-dns";
    public const string ApiServer = "kube-apiserver";
    public const string Internet = "internet";

    /// <summary>Any pod of a namespace that has NetworkPolicies.</summary>
    public const string AnyManaged = "*managed";

    /// <summary>Any endpoint outside the managed namespaces: other namespaces, the API server, the internet.</summary>
    public const string Unmanaged = "*unmanaged";

    public static IReadOnlyList<ExpectedFlow> All { get; } =
    [
        new(Silo, Silo, 11111, "TCP", "silo to silo"),
        new(Client, Silo, 30000, "TCP", "client to gateway"),
        new(Prometheus, Silo, 8080, "TCP", "Prometheus scrapes /metrics"),
        new(Silo, Redis, 6379, "TCP", "membership and grain state"),
        new(Silo, OtlpCollector, 4317, "TCP", "OTLP gRPC"),
        new(Silo, OtlpCollector, 4318, "TCP", "OTLP HTTP"),
        new(AnyManaged, Dns, 53, "UDP", "name resolution"),
        new(AnyManaged, Dns, 53, "TCP", "name resolution"),
        // The API server has no pod labels, so the policy can only name ports: any unmanaged address.
        new(Silo, Unmanaged, 443, "TCP", "Kubernetes API (Orleans hosting, placement actuator)"),
        new(Silo, Unmanaged, 6443, "TCP", "Kubernetes API (Orleans hosting, placement actuator)"),
    ];

    /// <summary>Ports probed for every pair of endpoints, besides the ports the pods declare.</summary>
    public static IReadOnlyList<(int Port, string Protocol)> ProbedPorts { get; } =
    [
        (11111, "TCP"), (30000, "TCP"), (8080, "TCP"), (6379, "TCP"), (4317, "TCP"), (4318, "TCP"), (16686, "TCP"),
        (14269, "TCP"), (9090, "TCP"), (53, "UDP"), (53, "TCP"), (443, "TCP"), (6443, "TCP"), (80, "TCP"), (22, "TCP"),
    ];

    public static ExpectedFlow? Find(NetworkEndpoint source, NetworkEndpoint destination, int port, string protocol, IReadOnlySet<string> managed) =>
        All.FirstOrDefault(f => f.Port == port && f.Protocol == protocol
            && (f.From == AnyManaged ? IsManaged(source, managed) : f.From == source.Role)
            && (f.To == Unmanaged ? !IsManaged(destination, managed) : f.To == destination.Role));

    public static bool IsManaged(NetworkEndpoint endpoint, IReadOnlySet<string> managed) =>
        endpoint.Namespace is { } ns && managed.Contains(ns);
}
