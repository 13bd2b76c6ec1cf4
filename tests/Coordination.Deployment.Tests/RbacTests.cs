using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;
using k8s.Models;

namespace Coordination.Deployment.Tests;

public sealed class RbacTests(RenderedOverlays rendered)
{
    [Fact]
    public void SchedulerAccountHasExactlyTheActuatorAndOrleansHostingVerbs()
    {
        var granted = RbacAnalyzer.PermissionsOf(rendered[Overlays.Base], "coordination", SiloSettings.SchedulerServiceAccount);

        Assert.Equal(
            [
                "cluster: apps/deployments get", "cluster: apps/deployments list",
                "cluster: apps/deployments/scale get", "cluster: apps/deployments/scale patch",
                "cluster: nodes get", "cluster: nodes list", "cluster: nodes patch", "cluster: nodes watch",
                "cluster: pods get", "cluster: pods list", "cluster: pods watch",
                "cluster: pods/binding create", "cluster: pods/eviction create",
                "namespace coordination: pods delete", "namespace coordination: pods get", "namespace coordination: pods list",
                "namespace coordination: pods patch", "namespace coordination: pods watch",
            ],
            granted.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PlainSiloAccountHasOnlyTheOrleansHostingVerbs()
    {
        var granted = RbacAnalyzer.PermissionsOf(rendered[Overlays.Base], "coordination", SiloSettings.SiloServiceAccount);

        Assert.Equal(RbacRules.Expected("coordination", scheduler: false).OrderBy(p => p.ToString()), granted.OrderBy(p => p.ToString()));
        Assert.All(granted, p => Assert.Equal(Permission.NamespaceScope("coordination"), p.Scope));
    }

    [Fact]
    public void ClusterRoleRulesAreTheActuatorTable()
    {
        var role = rendered[Overlays.Base].Find<V1ClusterRole>("", "coordination-placement")!;

        var rows = role.Rules.SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(res => (g, res, string.Join(",", r.Verbs.Order())))));

        Assert.Equal(
            ActuatorPermissions.Rules.Select(r => (r.ApiGroup, r.Resource, string.Join(",", r.Verbs.Order()))).Order(),
            rows.Order());
    }

    [Fact]
    public void OrleansHostingRoleIsBoundToBothSiloAccounts()
    {
        var binding = rendered[Overlays.Jetson].Find<V1RoleBinding>("coordination", "coordination-orleans-hosting")!;

        Assert.Equal("Role", binding.RoleRef.Kind);
        Assert.Equal([SiloSettings.SchedulerServiceAccount, SiloSettings.SiloServiceAccount], binding.Subjects.Select(s => s.Name).Order());
    }

    [Theory]
    [InlineData(Overlays.Dev)]
    [InlineData(Overlays.Jetson)]
    public void NothingButSilosCanCallTheApi(string overlay)
    {
        var manifests = rendered[overlay];

        Assert.All(manifests.Workloads.Where(w => !SiloRules.IsSilo(w)), w => Assert.False(w.Pod.AutomountServiceAccountToken ?? true, w.Id));
    }
}
