namespace Coordination.Silo.Kubernetes;

/// <summary>
/// Kubernetes actuation of the placement grain: configuration section <c>Coordination:Kubernetes</c>
/// (environment variables <c>Coordination__Kubernetes__Actuator</c>, ...).
/// </summary>
public sealed class KubernetesOptions
{
    public const string SectionName = "Coordination:Kubernetes";

    /// <summary>The default secondary scheduler name pods select with <c>spec.schedulerName</c>.</summary>
    public const string DefaultSchedulerName = "coordination-placement";

    /// <summary>Run the Kubernetes actuator on this silo (it must have the <c>scheduler</c> role).</summary>
    public bool Actuator { get; set; }

    /// <summary>Only log and report what would be done (bindings, evictions, scaling, cordons); reads still happen.</summary>
    public bool DryRun { get; set; }

    /// <summary>Pods with this <c>spec.schedulerName</c> are placed by the placement grain.</summary>
    public string SchedulerName { get; set; } = DefaultSchedulerName;

    /// <summary>
    /// Restrict scheduling to the pods and Deployments of one namespace; empty (the default) watches every
    /// namespace, as the cluster-wide role in <c>k8s/base/rbac-placement.yaml</c> allows (the robotics workloads
    /// live outside the silo's namespace).
    /// </summary>
    public string Namespace { get; set; } = string.Empty;

    /// <summary>API server URL; empty = the in-cluster configuration (service account), else the kubeconfig.</summary>
    public string ApiServer { get; set; } = string.Empty;

    /// <summary>Timeout of one API request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request on timeouts, 409 conflicts, 429 throttling (not PDB refusals) and 5xx.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Backoff between attempts: base, doubling up to the max.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before a failed or closed watch is opened again.</summary>
    public TimeSpan WatchRestartDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the watcher pings the placement grain even without events (keeps it active).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);
}
