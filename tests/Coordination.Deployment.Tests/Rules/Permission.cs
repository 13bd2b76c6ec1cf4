namespace Coordination.Deployment.Tests.Rules;

/// <summary>One verb on one resource, granted in a namespace or cluster-wide.</summary>
/// <param name="Scope">"cluster", or "namespace NAME".</param>
/// <param name="ApiGroup">"" for the core group.</param>
public sealed record Permission(string Scope, string ApiGroup, string Resource, string Verb)
{
    public const string ClusterScope = "cluster";

    public static string NamespaceScope(string @namespace) => $"namespace {@namespace}";

    public override string ToString() =>
        $"{Scope}: {(ApiGroup.Length == 0 ? "" : ApiGroup + "/")}{Resource} {Verb}";
}
