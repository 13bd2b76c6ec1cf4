namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// What Orleans.Hosting.Kubernetes (Microsoft.Orleans.Hosting.Kubernetes 10.x) calls on the silo's own
/// namespace: ReadNamespacedPod (get), PatchNamespacedPod (patch, the orleans/* labels),
/// ListNamespacedPod (list), WatchListNamespacedPod (watch) and DeleteNamespacedPod (delete, pods of dead
/// silos). Granted to every silo ServiceAccount by Role "coordination-orleans-hosting".
/// </summary>
public static class OrleansHostingPermissions
{
    public static IReadOnlyList<PermissionRule> Rules { get; } =
    [
        new("", "pods", "get", "list", "watch", "patch", "delete"),
    ];
}
