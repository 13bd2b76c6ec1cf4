using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>What a ServiceAccount may do, from the Roles, ClusterRoles and bindings of a render.</summary>
public static class RbacAnalyzer
{
    public static IReadOnlySet<Permission> PermissionsOf(RenderedManifests manifests, string @namespace, string serviceAccount)
    {
        var granted = new HashSet<Permission>();
        foreach (var binding in manifests.Of<V1RoleBinding>().Where(b => Binds(b.Subjects, b.Namespace(), @namespace, serviceAccount)))
        {
            var scope = Permission.NamespaceScope(binding.Namespace());
            granted.UnionWith(Expand(RulesOf(manifests, binding.RoleRef, binding.Namespace()), scope));
        }

        foreach (var binding in manifests.Of<V1ClusterRoleBinding>().Where(b => Binds(b.Subjects, null, @namespace, serviceAccount)))
        {
            granted.UnionWith(Expand(RulesOf(manifests, binding.RoleRef, null), Permission.ClusterScope));
        }

        return granted;
    }

    public static IEnumerable<Permission> Expand(IEnumerable<PermissionRule> rules, string scope) => rules.SelectMany(r => r.In(scope));

    private static bool Binds(IList<Rbacv1Subject>? subjects, string? bindingNamespace, string @namespace, string serviceAccount) =>
        (subjects ?? []).Any(s => s.Kind == "ServiceAccount" && s.Name == serviceAccount && (s.NamespaceProperty ?? bindingNamespace) == @namespace);

    private static IEnumerable<PermissionRule> RulesOf(RenderedManifests manifests, V1RoleRef roleRef, string? bindingNamespace)
    {
        IList<V1PolicyRule>? rules = roleRef.Kind switch
        {
            "Role" when bindingNamespace is not null => manifests.Find<V1Role>(bindingNamespace, roleRef.Name)?.Rules,
            "ClusterRole" => manifests.Find<V1ClusterRole>("", roleRef.Name)?.Rules,
            _ => null,
        };
        foreach (var rule in rules ?? [])
        {
            foreach (var group in rule.ApiGroups ?? [""])
            {
                foreach (var resource in rule.Resources ?? [])
                {
                    yield return new PermissionRule(group, resource, [.. rule.Verbs ?? []]);
                }
            }
        }
    }
}
