namespace Coordination.Deployment.Tests.Network;

/// <summary>What the policies decide for one connection, and whether the flow list expects it.</summary>
public sealed record FlowVerdict(
    NetworkEndpoint Source,
    NetworkEndpoint Destination,
    int Port,
    string Protocol,
    bool Admitted,
    string Reason,
    ExpectedFlow? Expected);
