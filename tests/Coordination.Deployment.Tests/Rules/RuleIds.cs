namespace Coordination.Deployment.Tests.Rules;

/// <summary>The rule names a <see cref="Violation"/> carries.</summary>
public static class RuleIds
{
    public const string Requests = "requests";
    public const string MemoryLimit = "memory-limit";
    public const string NoCpuLimit = "no-cpu-limit";
    public const string Probes = "probes";
    public const string NonRoot = "non-root";
    public const string Images = "images";
    public const string References = "references";
    public const string Selectors = "selectors";
    public const string Services = "services";
    public const string DisruptionBudgets = "disruption-budgets";
    public const string SiloPorts = "silo-ports";
    public const string SiloEnvironment = "silo-env";
    public const string SiloProbes = "silo-probes";
    public const string SiloRollout = "silo-rollout";
    public const string GracePeriod = "grace-period";
    public const string SiloRoles = "silo-roles";
    public const string Rbac = "rbac";
    public const string ServiceAccountTokens = "service-account-tokens";
    public const string NetworkFlows = "network-flows";
    public const string DevShape = "dev-shape";
    public const string ClusterShape = "cluster-shape";
    public const string JetsonPlacement = "jetson-placement";
    public const string RoboticsWorkloads = "robotics-workloads";
}
