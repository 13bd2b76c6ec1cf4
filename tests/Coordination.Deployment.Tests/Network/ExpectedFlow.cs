namespace Coordination.Deployment.Tests.Network;

/// <summary>A connection the deployment must admit: from a role to a role on one port.</summary>
/// <param name="From">A role, or <see cref="ExpectedFlows.AnyManaged"/>.</param>
/// <param name="To">A role, or <see cref="ExpectedFlows.Unmanaged"/>.</param>
public sealed record ExpectedFlow(string From, string To, int Port, string Protocol, string Why)
{
    public override string ToString() => $"{From} -> {To} {Port}/{Protocol} ({Why})";
}
