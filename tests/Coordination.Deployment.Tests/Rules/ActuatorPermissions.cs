namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// The Kubernetes API calls of the placement actuator (src/Silo/Kubernetes), granted cluster-wide to the
/// scheduler silos' ServiceAccount by ClusterRole "coordination-placement".
/// This table MUST equal <c>KubernetesActuator.RequiredPermissions</c> in the silo; a later test compares
/// the two directly. Change both together, and k8s/base/rbac-placement.yaml with them.
/// </summary>
public static class ActuatorPermissions
{
    public static IReadOnlyList<PermissionRule> Rules { get; } =
    [
        new("", "pods", "get", "list", "watch"),
        new("", "pods/binding", "create"),
        new("", "pods/eviction", "create"),
        new("apps", "deployments", "get", "list"),
        new("apps", "deployments/scale", "get", "patch"),
        new("", "nodes", "get", "list", "watch", "patch"),
    ];
}
