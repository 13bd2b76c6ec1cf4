namespace Coordination.Deployment.Tests.Rules;

/// <summary>A row of a permission table: verbs on one resource of one API group.</summary>
public sealed record PermissionRule(string ApiGroup, string Resource, params string[] Verbs)
{
    public IEnumerable<Permission> In(string scope) => Verbs.Select(v => new Permission(scope, ApiGroup, Resource, v));
}
