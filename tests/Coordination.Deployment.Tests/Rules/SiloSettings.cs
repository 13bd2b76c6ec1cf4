namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// The silo's contract with its pod (src/Silo, assembly Coordination.Silo): ports, health endpoints,
/// the environment variables it reads (section "Coordination" with double underscores), and labels.
/// </summary>
public static class SiloSettings
{
    public const string PodNameLabel = "app.kubernetes.io/name";
    public const string PodNameLabelValue = "coordination-silo";
    public const string ContainerName = "silo";

    public const string SiloPortName = "silo";
    public const int SiloPort = 11111;
    public const string GatewayPortName = "gateway";
    public const int GatewayPort = 30000;
    public const string HttpPortName = "http";
    public const int HttpPort = 8080;

    public const string StartupPath = "/health/startup";
    public const string ReadyPath = "/health/ready";
    public const string LivePath = "/health/live";
    public const string MetricsPath = "/metrics";

    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Kubernetes' default when a pod sets no grace period.</summary>
    public const long DefaultGracePeriodSeconds = 30;

    public const string SchedulerRole = "scheduler";
    public const string SchedulerName = "coordination-placement";
    public const string SiloServiceAccount = "coordination-silo";
    public const string SchedulerServiceAccount = "coordination-placement";

    public const string OrleansServiceIdLabel = "orleans/serviceId";
    public const string OrleansClusterIdLabel = "orleans/clusterId";

    public const string AspNetCoreUrls = "ASPNETCORE_URLS";
    public const string Clustering = "Coordination__Clustering";
    public const string Storage = "Coordination__Storage";
    public const string Redis = "Coordination__Redis";
    public const string RedisPassword = "Coordination__RedisPassword";
    public const string ClusterId = "Coordination__ClusterId";
    public const string ServiceId = "Coordination__ServiceId";
    public const string SiloPortSetting = "Coordination__SiloPort";
    public const string GatewayPortSetting = "Coordination__GatewayPort";
    public const string ShutdownTimeout = "Coordination__ShutdownTimeout";
    public const string UseKubernetesHosting = "Coordination__UseKubernetesHosting";
    public const string Zone = "Coordination__Zone";
    public const string JetsonProfile = "Coordination__JetsonProfile";
    public const string Roles = "Coordination__Roles";
    public const string Actuator = "Coordination__Kubernetes__Actuator";
    public const string DryRun = "Coordination__Kubernetes__DryRun";
    public const string SchedulerNameSetting = "Coordination__Kubernetes__SchedulerName";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtelServiceName = "OTEL_SERVICE_NAME";

    /// <summary>Downward API variables and the field each must come from.</summary>
    public static readonly IReadOnlyDictionary<string, string> DownwardApi = new Dictionary<string, string>
    {
        ["POD_NAME"] = "metadata.name",
        ["POD_IP"] = "status.podIP",
        ["POD_NAMESPACE"] = "metadata.namespace",
        ["NODE_NAME"] = "spec.nodeName",
    };

    /// <summary>Every variable the silo reads; anything else in its environment is a typo or dead config.</summary>
    public static readonly IReadOnlySet<string> KnownVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        AspNetCoreUrls, Clustering, Storage, Redis, RedisPassword, ClusterId, ServiceId, SiloPortSetting,
        GatewayPortSetting, ShutdownTimeout, UseKubernetesHosting, Zone, JetsonProfile, Roles, Actuator, DryRun,
        SchedulerNameSetting, OtlpEndpoint, OtelServiceName, "POD_NAME", "POD_IP", "POD_NAMESPACE", "NODE_NAME",
    };

    public static readonly IReadOnlySet<string> ClusteringValues = new HashSet<string> { "Localhost", "Redis" };

    public static readonly IReadOnlySet<string> StorageValues = new HashSet<string> { "Memory", "Redis" };

    public static readonly IReadOnlySet<string> BooleanSettings = new HashSet<string> { UseKubernetesHosting, Actuator, DryRun };
}
