using StackExchange.Redis;

namespace Coordination.Silo.Hosting;

/// <summary>
/// The silo's settings: configuration section <c>Coordination</c> (appsettings.json, environment variables
/// <c>Coordination__Name</c>, command line <c>--Coordination:Name=value</c>). Read and checked by
/// <see cref="CoordinationOptionsReader"/>, which reports every bad setting at once.
/// </summary>
public sealed class CoordinationOptions
{
    public const string SectionName = "Coordination";

    // Environment variables set by the Kubernetes downward API.
    public const string PodNameEnvironmentVariable = "POD_NAME";
    public const string PodIpEnvironmentVariable = "POD_IP";
    public const string PodNamespaceEnvironmentVariable = "POD_NAMESPACE";
    public const string NodeNameEnvironmentVariable = "NODE_NAME";
    public const string KubernetesServiceHostEnvironmentVariable = "KUBERNETES_SERVICE_HOST";
    public const string OtlpEndpointEnvironmentVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Redis connection (StackExchange.Redis syntax), used for clustering and storage; parsed.</summary>
    public ConfigurationOptions? Redis { get; set; }

    public string ClusterId { get; set; } = "coordination";

    public string ServiceId { get; set; } = "coordination";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>With Localhost clustering, the silo port of the primary silo when several run on one machine.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>The address other silos and clients use to reach this silo; from POD_IP in a pod.</summary>
    public System.Net.IPAddress? AdvertisedAddress { get; set; }

    /// <summary>Listen on every address (set in a pod).</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Silo name (pod name in a pod).</summary>
    public string? SiloName { get; set; }

    /// <summary>How long a graceful stop may take (host shutdown timeout).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Membership probe timeout; a silo missing <see cref="MissedProbesLimit"/> probes is voted dead.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>Use Orleans' Kubernetes hosting (only in a pod, where KUBERNETES_SERVICE_HOST is set).</summary>
    public bool UseKubernetesHosting { get; set; }

    /// <summary>Silo metadata: Kubernetes node name (NODE_NAME in a pod).</summary>
    public string NodeName { get; set; } = string.Empty;

    /// <summary>Silo metadata: site zone of this silo's node.</summary>
    public string Zone { get; set; } = string.Empty;

    /// <summary>Silo metadata: Jetson profile id of this silo's node (e.g. agx-orin-64gb).</summary>
    public string JetsonProfile { get; set; } = string.Empty;

    /// <summary>Silo metadata: roles, e.g. <c>scheduler</c> for silos that run the Kubernetes actuator.</summary>
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>Whether an OTLP endpoint is configured (traces are exported only then).</summary>
    public bool ExportTraces { get; set; }
}
