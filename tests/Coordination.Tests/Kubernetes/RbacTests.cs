using System.Diagnostics;
using Coordination.Silo.Kubernetes;
using Coordination.Tests.Infrastructure;
using k8s;
using k8s.Models;

namespace Coordination.Tests.Kubernetes;

public sealed class RbacTests
{
    [Fact]
    public async Task The_placement_cluster_role_grants_exactly_the_verbs_the_actuator_uses()
    {
        var overlay = Path.Combine(RepositoryPaths.Root, "k8s", "overlays", "jetson");
        Assert.True(Directory.Exists(overlay), $"{overlay} is missing");
        var yaml = await KustomizeAsync(overlay);
        var objects = KubernetesYaml.LoadAllFromString(yaml, new Dictionary<string, Type>
        {
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = typeof(V1ClusterRole),
        });
        var role = objects.OfType<V1ClusterRole>().Single(r => r.Metadata.Name == "coordination-placement");

        var granted = role.Rules
            .SelectMany(r => (r.ApiGroups ?? [string.Empty]).SelectMany(g => r.Resources.SelectMany(res => r.Verbs.Select(v => $"{g}|{res}|{v}"))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var used = KubernetesActuator.RequiredPermissions
            .SelectMany(p => p.Verbs.Select(v => $"{p.ApiGroup}|{p.Resource}|{v}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(used, granted);
        Assert.DoesNotContain(role.Rules, r => r.Verbs.Contains("*") || r.Resources.Contains("*"));
    }

    private static async Task<string> KustomizeAsync(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {await error}");
        return await output;
    }
}
