namespace Coordination.Deployment.Tests.Rules;

/// <summary>Where one environment variable of a container gets its value.</summary>
public sealed record EnvValue(
    string? Literal = null,
    string? FieldPath = null,
    string? SecretName = null,
    string? SecretKey = null,
    string? Origin = null)
{
    public bool IsFromSecret => SecretName is not null;
}
