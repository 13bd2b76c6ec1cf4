using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// Least privilege: each silo ServiceAccount is granted exactly what the code calls, no more, no less
/// (plain silos: <see cref="OrleansHostingPermissions"/> in their namespace; scheduler silos: that plus
/// <see cref="ActuatorPermissions"/> cluster-wide); no wildcards; bindings name only ServiceAccounts
/// and existing roles; pods that do not call the API get no token.
/// </summary>
public static class RbacRules
{
    public static void Check(RenderedManifests manifests, List<Violation> found)
    {
        CheckRoles(manifests, found);
        CheckSiloAccounts(manifests, found);
        CheckOtherAccounts(manifests, found);
    }

    public static IReadOnlySet<Permission> Expected(string @namespace, bool scheduler)
    {
        var expected = RbacAnalyzer.Expand(OrleansHostingPermissions.Rules, Permission.NamespaceScope(@namespace)).ToHashSet();
        if (scheduler)
        {
            expected.UnionWith(RbacAnalyzer.Expand(ActuatorPermissions.Rules, Permission.ClusterScope));
        }

        return expected;
    }

    private static void CheckRoles(RenderedManifests manifests, List<Violation> found)
    {
        var rules = manifests.Of<V1Role>().Select(r => ($"Role {r.Namespace()}/{r.Name()}", r.Rules))
            .Concat(manifests.Of<V1ClusterRole>().Select(r => ($"ClusterRole {r.Name()}", r.Rules)));
        foreach (var (subject, policyRules) in rules)
        {
            foreach (var rule in policyRules ?? [])
            {
                var all = (rule.Verbs ?? []).Concat(rule.Resources ?? []).Concat(rule.ApiGroups ?? []);
                if (all.Contains("*"))
                {
                    found.Add(new(RuleIds.Rbac, subject, "uses a wildcard ('*')"));
                }
            }
        }

        var bindings = manifests.Of<V1RoleBinding>().Select(b => ($"RoleBinding {b.Namespace()}/{b.Name()}", b.RoleRef, b.Subjects, (string?)b.Namespace()))
            .Concat(manifests.Of<V1ClusterRoleBinding>().Select(b => ($"ClusterRoleBinding {b.Name()}", b.RoleRef, b.Subjects, (string?)null)));
        foreach (var (subject, roleRef, subjects, ns) in bindings)
        {
            var exists = roleRef.Kind switch
            {
                "Role" => ns is not null && manifests.Find<V1Role>(ns, roleRef.Name) is not null,
                "ClusterRole" => manifests.Find<V1ClusterRole>("", roleRef.Name) is not null,
                _ => false,
            };
            if (!exists)
            {
                found.Add(new(RuleIds.Rbac, subject, $"refers to {roleRef.Kind} '{roleRef.Name}', which is not in the render"));
            }

            foreach (var s in (subjects ?? []).Where(s => s.Kind != "ServiceAccount"))
            {
                found.Add(new(RuleIds.Rbac, subject, $"binds {s.Kind} '{s.Name}'; only the silos' ServiceAccounts are bound"));
            }
        }
    }

    private static void CheckSiloAccounts(RenderedManifests manifests, List<Violation> found)
    {
        var accounts = new Dictionary<(string Namespace, string Account), bool>();
        foreach (var workload in manifests.Workloads.Where(SiloRules.IsSilo))
        {
            var container = SiloRules.SiloContainer(workload);
            var scheduler = container is not null && SiloRules.IsScheduler(EffectiveEnvironment.Of(container, workload.Namespace, manifests));
            var key = (workload.Namespace, workload.Pod.ServiceAccountName ?? "default");
            accounts[key] = scheduler || accounts.GetValueOrDefault(key);
        }

        foreach (var ((ns, account), scheduler) in accounts)
        {
            var actual = RbacAnalyzer.PermissionsOf(manifests, ns, account);
            var expected = Expected(ns, scheduler);
            var subject = $"ServiceAccount {ns}/{account}";
            var extra = actual.Except(expected).Select(p => p.ToString()).Order().ToList();
            var missing = expected.Except(actual).Select(p => p.ToString()).Order().ToList();
            if (extra.Count > 0)
            {
                found.Add(new(RuleIds.Rbac, subject, $"granted more than the code uses: {string.Join("; ", extra)}"));
            }

            if (missing.Count > 0)
            {
                found.Add(new(RuleIds.Rbac, subject, $"missing what the code calls: {string.Join("; ", missing)}"));
            }
        }
    }

    private static void CheckOtherAccounts(RenderedManifests manifests, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads.Where(w => !SiloRules.IsSilo(w)))
        {
            if (workload.Pod.AutomountServiceAccountToken != false)
            {
                found.Add(new(RuleIds.ServiceAccountTokens, workload.Id, "does not call the Kubernetes API: set automountServiceAccountToken: false"));
            }

            var account = workload.Pod.ServiceAccountName ?? "default";
            if (RbacAnalyzer.PermissionsOf(manifests, workload.Namespace, account).Count > 0)
            {
                found.Add(new(RuleIds.Rbac, workload.Id, $"ServiceAccount '{account}' is granted API access it does not use"));
            }
        }
    }
}
