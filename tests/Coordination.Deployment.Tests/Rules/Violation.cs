namespace Coordination.Deployment.Tests.Rules;

/// <summary>One broken rule: which rule, on which object, and what is wrong.</summary>
public sealed record Violation(string Rule, string Subject, string Detail)
{
    public override string ToString() => $"[{Rule}] {Subject}: {Detail}";
}
