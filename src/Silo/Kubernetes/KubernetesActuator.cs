using System.Net;
using System.Text.Json.Nodes;
using Coordination.Placement;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Coordination.Silo.Kubernetes;

/// <summary>
/// The placement grain's <see cref="IClusterActuator"/> on Kubernetes (KubernetesClient): lists nodes, the pods of
/// the secondary scheduler (<c>spec.schedulerName</c>) and their Deployments; binds pods (Binding), evicts through
/// the Eviction API (a PodDisruptionBudget refusal, 429, is returned as <see cref="ActuationOutcome.Retry"/> and
/// never forced), scales Deployments through the scale subresource, cordons and uncordons nodes (merge patch).
/// Timeouts, 409 conflicts, 429 throttling and 5xx are retried with backoff; 403/404 are reported; nothing throws
/// except <see cref="ObserveAsync"/> when the cluster cannot be read at all. In dry-run it reads but only reports.
/// </summary>
public sealed partial class KubernetesActuator(IKubernetes client, IOptions<KubernetesOptions> options, TimeProvider clock, ILogger<KubernetesActuator> logger)
    : IClusterActuator
{
    private readonly KubernetesOptions _options = options.Value;

    /// <summary>Exactly the API permissions this class uses; the ClusterRole <c>coordination-placement</c> grants these.</summary>
    public static IReadOnlyList<(string ApiGroup, string Resource, string[] Verbs)> RequiredPermissions { get; } =
    [
        (string.Empty, "pods", ["get", "list", "watch"]),
        (string.Empty, "pods/binding", ["create"]),
        (string.Empty, "pods/eviction", ["create"]),
        ("apps", "deployments", ["get", "list"]),
        ("apps", "deployments/scale", ["get", "patch"]),
        (string.Empty, "nodes", ["get", "list", "watch", "patch"]),
    ];

    public string Name => _options.DryRun ? "kubernetes (dry-run)" : "kubernetes";

    private string FieldSelector => $"spec.schedulerName={_options.SchedulerName}";

    private bool AllNamespaces => string.IsNullOrEmpty(_options.Namespace);

    public async Task<ClusterView> ObserveAsync(CancellationToken cancellationToken)
    {
        var nodes = await CallAsync("list nodes", ct => client.CoreV1.ListNodeAsync(cancellationToken: ct), cancellationToken);
        var pods = await CallAsync(
            "list pods",
            ct => AllNamespaces
                ? client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: FieldSelector, cancellationToken: ct)
                : client.CoreV1.ListNamespacedPodAsync(_options.Namespace, fieldSelector: FieldSelector, cancellationToken: ct),
            cancellationToken);
        var deployments = await CallAsync(
            "list deployments",
            ct => AllNamespaces
                ? client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct)
                : client.AppsV1.ListNamespacedDeploymentAsync(_options.Namespace, cancellationToken: ct),
            cancellationToken);
        return new ClusterView(
            [.. nodes.Items.Select(n => KubernetesMapper.ToNode(n, _options.SchedulerName))],
            [.. pods.Items.Where(KubernetesMapper.IsLive).Select(KubernetesMapper.ToPod)],
            [.. deployments.Items.Where(d => d.Spec?.Template?.Spec?.SchedulerName == _options.SchedulerName).Select(KubernetesMapper.ToDeployment)]);
    }

    public async Task<ActuationResult> BindAsync(PodKey pod, string node, CancellationToken cancellationToken)
    {
        if (_options.DryRun)
        {
            return DryRun($"would bind pod {pod} to node {node}");
        }

        var binding = new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = pod.Name, NamespaceProperty = pod.Namespace },
            Target = new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node },
        };
        var result = await ActAsync(
            $"bind pod {pod} to node {node}",
            ct => client.CoreV1.CreateNamespacedPodBindingAsync(binding, pod.Name, pod.Namespace, cancellationToken: ct),
            retryConflicts: false,
            cancellationToken);
        if (result.Status == HttpStatusCode.Conflict)
        {
            // Someone bound it first (another scheduler, or our own earlier attempt that timed out).
            try
            {
                var current = await client.CoreV1.ReadNamespacedPodAsync(pod.Name, pod.Namespace, cancellationToken: cancellationToken);
                return current.Spec?.NodeName == node
                    ? ActuationResult.Done
                    : ActuationResult.Failed($"409 Conflict: pod {pod} is already bound to node {current.Spec?.NodeName}");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return ActuationResult.Failed($"409 Conflict binding pod {pod}: {result.Detail}");
            }
        }

        return result.Result;
    }

    public async Task<ActuationResult> EvictAsync(PodKey pod, string reason, CancellationToken cancellationToken)
    {
        if (_options.DryRun)
        {
            return DryRun($"would evict pod {pod}: {reason}");
        }

        var eviction = new V1Eviction
        {
            ApiVersion = "policy/v1",
            Kind = "Eviction",
            Metadata = new V1ObjectMeta { Name = pod.Name, NamespaceProperty = pod.Namespace },
        };
        var result = await ActAsync(
            $"evict pod {pod}",
            ct => client.CoreV1.CreateNamespacedPodEvictionAsync(eviction, pod.Name, pod.Namespace, cancellationToken: ct),
            retryConflicts: true,
            cancellationToken,
            retryTooManyRequests: false);
        return result.Status switch
        {
            HttpStatusCode.TooManyRequests => ActuationResult.Retry($"429 TooManyRequests: eviction of pod {pod} refused by its PodDisruptionBudget; retried later"),
            HttpStatusCode.NotFound => new ActuationResult(ActuationOutcome.Done, $"pod {pod} is already gone"),
            _ => result.Result,
        };
    }

    public async Task<ActuationResult> ScaleAsync(WorkloadKey deployment, int replicas, CancellationToken cancellationToken)
    {
        // Only Deployments whose pods this scheduler places are scaled.
        var read = await ActAsync(
            $"read deployment {deployment}",
            ct => client.AppsV1.ReadNamespacedDeploymentAsync(deployment.Name, deployment.Namespace, cancellationToken: ct),
            retryConflicts: true,
            cancellationToken);
        if (!read.Result.Applied)
        {
            return read.Result;
        }

        if (read.Value?.Spec?.Template?.Spec?.SchedulerName != _options.SchedulerName)
        {
            return ActuationResult.Failed($"deployment {deployment} is not scheduled by {_options.SchedulerName}: not scaled");
        }

        var scale = await ActAsync(
            $"read scale of deployment {deployment}",
            ct => client.AppsV1.ReadNamespacedDeploymentScaleAsync(deployment.Name, deployment.Namespace, cancellationToken: ct),
            retryConflicts: true,
            cancellationToken);
        if (!scale.Result.Applied)
        {
            return scale.Result;
        }

        var current = scale.Value?.Spec?.Replicas ?? 0;
        if (current == replicas)
        {
            return new ActuationResult(ActuationOutcome.Done, $"deployment {deployment} already has {replicas} replicas");
        }

        if (_options.DryRun)
        {
            return DryRun($"would scale deployment {deployment} from {current} to {replicas} replicas");
        }

        var patch = new V1Patch(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }.ToJsonString(), V1Patch.PatchType.MergePatch);
        var result = await ActAsync(
            $"scale deployment {deployment} to {replicas}",
            ct => client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, deployment.Name, deployment.Namespace, cancellationToken: ct),
            retryConflicts: true,
            cancellationToken);
        return result.Result;
    }

    public async Task<ActuationResult> SetCordonAsync(string node, bool cordon, string reason, CancellationToken cancellationToken)
    {
        var read = await ActAsync($"read node {node}", ct => client.CoreV1.ReadNodeAsync(node, cancellationToken: ct), retryConflicts: true, cancellationToken);
        if (!read.Result.Applied)
        {
            return read.Result;
        }

        var existing = KubernetesMapper.ToNode(read.Value!, _options.SchedulerName);
        if (cordon && existing.Unschedulable)
        {
            return new ActuationResult(ActuationOutcome.Done, $"node {node} is already cordoned");
        }

        if (!cordon && (!existing.Unschedulable || !existing.CordonedByPlacement))
        {
            return new ActuationResult(ActuationOutcome.Done, existing.Unschedulable ? $"node {node} was cordoned by someone else: left cordoned" : $"node {node} is not cordoned");
        }

        if (_options.DryRun)
        {
            return DryRun($"would {(cordon ? "cordon" : "uncordon")} node {node}: {reason}");
        }

        var patch = new JsonObject
        {
            ["spec"] = new JsonObject { ["unschedulable"] = cordon ? true : null },
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [WorkloadAnnotations.CordonedBy] = cordon ? _options.SchedulerName : null } },
        };
        var result = await ActAsync(
            $"{(cordon ? "cordon" : "uncordon")} node {node}",
            ct => client.CoreV1.PatchNodeAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), node, cancellationToken: ct),
            retryConflicts: true,
            cancellationToken);
        return result.Result;
    }

    private ActuationResult DryRun(string detail)
    {
        LogDryRun(logger, detail);
        return ActuationResult.DryRun(detail);
    }

    /// <summary>Runs a read that must succeed (after retries), else throws with what failed.</summary>
    private async Task<T> CallAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var attempt = await ActAsync(what, call, retryConflicts: true, cancellationToken);
        return attempt.Result.Applied
            ? attempt.Value!
            : throw new KubernetesActuationException($"{what}: {attempt.Result.Detail}");
    }

    /// <summary>One API call with timeout and retries; classifies the final answer.</summary>
    private async Task<Attempt<T>> ActAsync<T>(
        string what,
        Func<CancellationToken, Task<T>> call,
        bool retryConflicts,
        CancellationToken cancellationToken,
        bool retryTooManyRequests = true)
    {
        var delay = _options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            string detail;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                var value = await call(timeout.Token);
                return new Attempt<T>(value, ActuationResult.Done, null, null);
            }
            catch (HttpOperationException e)
            {
                status = e.Response?.StatusCode;
                detail = $"{(int?)status} {status}: {Message(e)}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                detail = $"timed out after {_options.RequestTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                detail = $"API server unreachable: {e.Message}";
            }

            var transient = status is null
                || (status == HttpStatusCode.Conflict && retryConflicts)
                || (status == HttpStatusCode.TooManyRequests && retryTooManyRequests)
                || (int)status.Value >= 500;
            if (!transient || attempt >= _options.MaxAttempts)
            {
                LogCallFailed(logger, what, attempt, detail);
                var result = status switch
                {
                    HttpStatusCode.Forbidden => ActuationResult.Failed($"{detail} (the ClusterRole coordination-placement must grant it)"),
                    HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Unauthorized => ActuationResult.Failed(detail),
                    HttpStatusCode.Conflict when !retryConflicts => ActuationResult.Failed(detail),
                    _ => ActuationResult.Retry(detail),
                };
                return new Attempt<T>(default, result, status, detail);
            }

            LogRetrying(logger, what, attempt, detail, delay.TotalMilliseconds);
            await Task.Delay(delay, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(_options.RetryMaxDelay.Ticks, delay.Ticks * 2));
        }
    }

    private static string Message(HttpOperationException e)
    {
        var content = e.Response?.Content;
        if (!string.IsNullOrEmpty(content))
        {
            try
            {
                var status = KubernetesJson.Deserialize<V1Status>(content);
                if (!string.IsNullOrEmpty(status?.Message))
                {
                    return status.Message;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                return content.Length > 200 ? content[..200] : content;
            }
        }

        return e.Message;
    }

    private sealed record Attempt<T>(T? Value, ActuationResult Result, HttpStatusCode? Status, string? Detail);
}
