using System.Globalization;
using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// The silo pods match the silo's configuration (<see cref="SiloSettings"/>): named ports equal to the
/// configured ones, downward-API variables, only known settings, the Redis password from a Secret,
/// probes on the health endpoints, a rollout that never drops a silo, a grace period longer than the
/// host shutdown timeout, and scheduler role, actuator flag and ServiceAccount that agree.
/// </summary>
public static class SiloRules
{
    public static bool IsSilo(Workload workload) =>
        workload.PodLabels.TryGetValue(SiloSettings.PodNameLabel, out var name) && name == SiloSettings.PodNameLabelValue;

    public static bool IsScheduler(IReadOnlyDictionary<string, EnvValue> env) =>
        env.TryGetValue(SiloSettings.Roles, out var roles)
        && (roles.Literal ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(SiloSettings.SchedulerRole);

    public static V1Container? SiloContainer(Workload workload) =>
        (workload.Pod.Containers ?? []).FirstOrDefault(c => c.Name == SiloSettings.ContainerName);

    public static void Check(RenderedManifests manifests, List<Violation> found)
    {
        var silos = manifests.Workloads.Where(IsSilo).ToList();
        var identities = new HashSet<string>();
        var images = new HashSet<string>();
        foreach (var workload in silos)
        {
            var container = SiloContainer(workload);
            if (container is null)
            {
                found.Add(new(RuleIds.SiloPorts, workload.Id, $"no container named '{SiloSettings.ContainerName}'"));
                continue;
            }

            var subject = $"{workload.Id} container {container.Name}";
            var env = EffectiveEnvironment.Of(container, workload.Namespace, manifests);
            CheckPorts(container, env, subject, found);
            CheckEnvironment(manifests, workload, env, subject, found);
            CheckProbes(container, subject, found);
            CheckRollout(manifests, workload, found);
            CheckGracePeriod(workload, env, found);
            CheckRoles(workload, env, found);
            identities.Add($"{Literal(env, SiloSettings.ClusterId)}/{Literal(env, SiloSettings.ServiceId)}");
            images.Add(container.Image ?? "");
        }

        if (identities.Count > 1)
        {
            found.Add(new(RuleIds.SiloEnvironment, "silo workloads", $"do not join one cluster: ClusterId/ServiceId differ ({string.Join(", ", identities.Order())})"));
        }

        if (images.Count > 1)
        {
            found.Add(new(RuleIds.Images, "silo workloads", $"run different images ({string.Join(", ", images.Order())})"));
        }

        CheckServices(manifests, silos, found);
    }

    private static string? Literal(IReadOnlyDictionary<string, EnvValue> env, string name) =>
        env.TryGetValue(name, out var value) ? value.Literal : null;

    private static void CheckPorts(V1Container container, IReadOnlyDictionary<string, EnvValue> env, string subject, List<Violation> found)
    {
        var ports = container.Ports ?? [];
        foreach (var (name, number, setting) in new[]
                 {
                     (SiloSettings.SiloPortName, SiloSettings.SiloPort, SiloSettings.SiloPortSetting),
                     (SiloSettings.GatewayPortName, SiloSettings.GatewayPort, SiloSettings.GatewayPortSetting),
                     (SiloSettings.HttpPortName, SiloSettings.HttpPort, (string?)null),
                 })
        {
            var port = ports.FirstOrDefault(p => p.Name == name);
            if (port is null)
            {
                found.Add(new(RuleIds.SiloPorts, subject, $"no container port named '{name}'"));
                continue;
            }

            if (port.ContainerPort != number || (port.Protocol ?? "TCP") != "TCP")
            {
                found.Add(new(RuleIds.SiloPorts, subject, $"port '{name}' is {port.ContainerPort}/{port.Protocol ?? "TCP"}, the silo listens on {number}/TCP"));
            }

            if (setting is not null && Literal(env, setting) is { } configured && configured != port.ContainerPort.ToString(CultureInfo.InvariantCulture))
            {
                found.Add(new(RuleIds.SiloPorts, subject, $"{setting}={configured} but container port '{name}' is {port.ContainerPort}"));
            }
        }

        var urls = Literal(env, SiloSettings.AspNetCoreUrls);
        var http = ports.FirstOrDefault(p => p.Name == SiloSettings.HttpPortName)?.ContainerPort ?? SiloSettings.HttpPort;
        if (urls is null || !urls.Split(';').Any(u => u.EndsWith($":{http}", StringComparison.Ordinal)))
        {
            found.Add(new(RuleIds.SiloPorts, subject, $"{SiloSettings.AspNetCoreUrls}='{urls}' does not listen on the http port {http}"));
        }
    }

    private static void CheckEnvironment(RenderedManifests manifests, Workload workload, IReadOnlyDictionary<string, EnvValue> env, string subject, List<Violation> found)
    {
        void Fail(string detail) => found.Add(new(RuleIds.SiloEnvironment, subject, detail));

        foreach (var name in env.Keys.Where(n => !SiloSettings.KnownVariables.Contains(n)).Order())
        {
            Fail($"sets '{name}', which the silo does not read (typo?)");
        }

        foreach (var (name, field) in SiloSettings.DownwardApi)
        {
            if (!env.TryGetValue(name, out var value) || value.FieldPath != field)
            {
                Fail($"{name} must come from the downward API field {field}");
            }
        }

        foreach (var name in SiloSettings.BooleanSettings)
        {
            if (Literal(env, name) is { } flag && flag is not ("true" or "false"))
            {
                Fail($"{name}='{flag}' is not true or false");
            }
        }

        if (Literal(env, SiloSettings.UseKubernetesHosting) != "true")
        {
            Fail($"{SiloSettings.UseKubernetesHosting} must be true in the cluster");
        }

        var clustering = Literal(env, SiloSettings.Clustering);
        var storage = Literal(env, SiloSettings.Storage);
        if (clustering is null || !SiloSettings.ClusteringValues.Contains(clustering))
        {
            Fail($"{SiloSettings.Clustering}='{clustering}' is not one of {string.Join(", ", SiloSettings.ClusteringValues)}");
        }

        if (storage is null || !SiloSettings.StorageValues.Contains(storage))
        {
            Fail($"{SiloSettings.Storage}='{storage}' is not one of {string.Join(", ", SiloSettings.StorageValues)}");
        }

        if (clustering == "Redis" || storage == "Redis")
        {
            CheckRedis(manifests, workload.Namespace, env, Fail);
        }

        foreach (var (setting, label) in new[] { (SiloSettings.ClusterId, SiloSettings.OrleansClusterIdLabel), (SiloSettings.ServiceId, SiloSettings.OrleansServiceIdLabel) })
        {
            var value = Literal(env, setting);
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail($"{setting} is not set");
            }
            else if (workload.PodLabels.TryGetValue(label, out var labelled) && labelled != value)
            {
                Fail($"pod label {label}={labelled} differs from {setting}={value} (Orleans hosting selects the cluster's pods by it)");
            }
        }

        if (Literal(env, SiloSettings.SchedulerNameSetting) != SiloSettings.SchedulerName)
        {
            Fail($"{SiloSettings.SchedulerNameSetting} must be '{SiloSettings.SchedulerName}'");
        }

        if (Literal(env, SiloSettings.OtlpEndpoint) is not { } otlp || !Uri.TryCreate(otlp, UriKind.Absolute, out var otlpUri))
        {
            Fail($"{SiloSettings.OtlpEndpoint} is not an absolute URL");
        }
        else
        {
            CheckServicePort(manifests, workload.Namespace, otlpUri.Host, otlpUri.Port, SiloSettings.OtlpEndpoint, Fail);
        }
    }

    private static void CheckRedis(RenderedManifests manifests, string @namespace, IReadOnlyDictionary<string, EnvValue> env, Action<string> fail)
    {
        var connection = Literal(env, SiloSettings.Redis);
        var endpoint = connection?.Split(',')[0].Trim() ?? "";
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            fail($"{SiloSettings.Redis}='{connection}' does not start with host:port");
        }
        else
        {
            CheckServicePort(manifests, @namespace, endpoint[..colon], port, SiloSettings.Redis, fail);
        }

        if (!env.TryGetValue(SiloSettings.RedisPassword, out var password) || !password.IsFromSecret)
        {
            fail($"{SiloSettings.RedisPassword} must come from a Secret (secretKeyRef)");
        }
        else if (connection is not null && connection.Contains("password=", StringComparison.OrdinalIgnoreCase))
        {
            fail($"{SiloSettings.Redis} carries a password in clear text");
        }
    }

    /// <summary>When the render holds the Service a setting points at, that Service must expose the port.</summary>
    private static void CheckServicePort(RenderedManifests manifests, string @namespace, string host, int port, string setting, Action<string> fail)
    {
        var parts = host.Split('.');
        var serviceNamespace = parts.Length > 1 ? parts[1] : @namespace;
        if (manifests.Find<V1Service>(serviceNamespace, parts[0]) is { } service
            && !(service.Spec.Ports ?? []).Any(p => p.Port == port))
        {
            fail($"{setting} points at {host}:{port}, but Service {serviceNamespace}/{parts[0]} exposes {string.Join(", ", (service.Spec.Ports ?? []).Select(p => p.Port))}");
        }
    }

    private static void CheckProbes(V1Container container, string subject, List<Violation> found)
    {
        if (container.StartupProbe is null)
        {
            found.Add(new(RuleIds.SiloProbes, subject, $"no startup probe on {SiloSettings.StartupPath}"));
        }

        foreach (var (kind, probe, path) in new[]
                 {
                     ("startup", container.StartupProbe, SiloSettings.StartupPath),
                     ("readiness", container.ReadinessProbe, SiloSettings.ReadyPath),
                     ("liveness", container.LivenessProbe, SiloSettings.LivePath),
                 })
        {
            if (probe is null)
            {
                continue;
            }

            var get = probe.HttpGet;
            var port = get?.Port?.Value;
            if (get?.Path != path || (port != SiloSettings.HttpPortName && port != SiloSettings.HttpPort.ToString(CultureInfo.InvariantCulture)))
            {
                found.Add(new(RuleIds.SiloProbes, subject, $"{kind} probe must be GET {path} on port '{SiloSettings.HttpPortName}', is {(get is null ? "not an httpGet" : $"GET {get.Path} on '{port}'")}"));
            }
        }
    }

    private static void CheckRollout(RenderedManifests manifests, Workload workload, List<Violation> found)
    {
        if (workload.Kind != "Deployment")
        {
            found.Add(new(RuleIds.SiloRollout, workload.Id, "silos run as a Deployment"));
            return;
        }

        var strategy = manifests.Find<V1Deployment>(workload.Namespace, workload.Name)!.Spec.Strategy;
        var update = strategy?.RollingUpdate;
        if ((strategy?.Type ?? "RollingUpdate") != "RollingUpdate" || update?.MaxUnavailable?.Value != "0" || update?.MaxSurge?.Value != "1")
        {
            found.Add(new(RuleIds.SiloRollout, workload.Id,
                $"rolling update must be maxUnavailable: 0, maxSurge: 1 (is {strategy?.Type ?? "RollingUpdate"}, maxUnavailable {update?.MaxUnavailable?.Value ?? "default"}, maxSurge {update?.MaxSurge?.Value ?? "default"})"));
        }
    }

    private static void CheckGracePeriod(Workload workload, IReadOnlyDictionary<string, EnvValue> env, List<Violation> found)
    {
        var shutdown = SiloSettings.DefaultShutdownTimeout;
        if (Literal(env, SiloSettings.ShutdownTimeout) is { } configured
            && !TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out shutdown))
        {
            found.Add(new(RuleIds.GracePeriod, workload.Id, $"{SiloSettings.ShutdownTimeout}='{configured}' is not a TimeSpan (hh:mm:ss)"));
            return;
        }

        var grace = workload.Pod.TerminationGracePeriodSeconds ?? SiloSettings.DefaultGracePeriodSeconds;
        if (grace <= shutdown.TotalSeconds)
        {
            found.Add(new(RuleIds.GracePeriod, workload.Id, $"terminationGracePeriodSeconds {grace} is not longer than the host shutdown timeout {shutdown}"));
        }
    }

    private static void CheckRoles(Workload workload, IReadOnlyDictionary<string, EnvValue> env, List<Violation> found)
    {
        var scheduler = IsScheduler(env);
        var actuator = Literal(env, SiloSettings.Actuator) == "true";
        var account = workload.Pod.ServiceAccountName ?? "default";
        var expectedAccount = scheduler ? SiloSettings.SchedulerServiceAccount : SiloSettings.SiloServiceAccount;
        if (scheduler != actuator)
        {
            found.Add(new(RuleIds.SiloRoles, workload.Id, $"role '{SiloSettings.SchedulerRole}' {(scheduler ? "is" : "is not")} set but {SiloSettings.Actuator} is {(actuator ? "true" : "not true")}"));
        }

        if (account != expectedAccount)
        {
            found.Add(new(RuleIds.SiloRoles, workload.Id, $"runs as ServiceAccount '{account}', a {(scheduler ? "scheduler" : "plain")} silo runs as '{expectedAccount}'"));
        }

        if (workload.Pod.AutomountServiceAccountToken == false)
        {
            found.Add(new(RuleIds.SiloRoles, workload.Id, "automountServiceAccountToken is false, but Orleans hosting calls the Kubernetes API"));
        }
    }

    private static void CheckServices(RenderedManifests manifests, List<Workload> silos, List<Violation> found)
    {
        if (silos.Count == 0)
        {
            return;
        }

        var ns = silos[0].Namespace;
        var services = manifests.Of<V1Service>()
            .Where(s => s.Namespace() == ns && silos.All(w => LabelSelectors.Matches(s.Spec.Selector, w.PodLabels)))
            .ToList();
        var gateway = services.Any(s => s.Spec.ClusterIP != "None"
            && (s.Spec.Ports ?? []).Any(p => p.Port == SiloSettings.GatewayPort && p.TargetPort?.Value == SiloSettings.GatewayPortName));
        var headless = services.Any(s => s.Spec.ClusterIP == "None"
            && (s.Spec.Ports ?? []).Any(p => p.Port == SiloSettings.SiloPort && p.TargetPort?.Value == SiloSettings.SiloPortName));
        if (!gateway)
        {
            found.Add(new(RuleIds.Services, $"namespace {ns}", $"no gateway Service selecting every silo workload with port {SiloSettings.GatewayPort} -> '{SiloSettings.GatewayPortName}'"));
        }

        if (!headless)
        {
            found.Add(new(RuleIds.Services, $"namespace {ns}", $"no headless Service selecting every silo workload with port {SiloSettings.SiloPort} -> '{SiloSettings.SiloPortName}'"));
        }
    }
}
