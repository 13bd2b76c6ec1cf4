namespace Coordination.Deployment.Tests.Network;

/// <summary>A port a pod listens on; the name is what a NetworkPolicy may refer to.</summary>
public sealed record NamedPort(string? Name, int Number, string Protocol = "TCP");
