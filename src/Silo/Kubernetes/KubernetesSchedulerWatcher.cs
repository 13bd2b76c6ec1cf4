using Coordination.Placement;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Coordination.Silo.Kubernetes;

/// <summary>
/// The secondary scheduler's eyes on a scheduler silo: watches the pods of <c>spec.schedulerName</c> and the nodes,
/// and asks the placement grain for a round when a pod is pending, deleted, or a node changes readiness or cordon;
/// pings it periodically so it stays active. A failed or closed watch is reopened after a delay; nothing here can
/// stop the silo.
/// </summary>
public sealed partial class KubernetesSchedulerWatcher(
    IKubernetes client,
    IGrainFactory grains,
    IOptions<KubernetesOptions> options,
    TimeProvider clock,
    ILogger<KubernetesSchedulerWatcher> logger) : BackgroundService
{
    private readonly KubernetesOptions _options = options.Value;
    private readonly Dictionary<string, (bool Ready, bool Unschedulable)> _nodes = new(StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            RepeatAsync("pods", WatchPodsAsync, stoppingToken),
            RepeatAsync("nodes", WatchNodesAsync, stoppingToken),
            KeepAliveAsync(stoppingToken));

    private async Task RepeatAsync(string what, Func<CancellationToken, Task> watch, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await watch(cancellationToken);
                LogWatchClosed(logger, what);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogWatchFailed(logger, what, e.Message);
            }

            try
            {
                await Task.Delay(_options.WatchRestartDelay, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WatchPodsAsync(CancellationToken cancellationToken)
    {
        var selector = $"spec.schedulerName={_options.SchedulerName}";
        var events = string.IsNullOrEmpty(_options.Namespace)
            ? client.CoreV1.WatchListPodForAllNamespacesAsync(fieldSelector: selector, cancellationToken: cancellationToken)
            : client.CoreV1.WatchListNamespacedPodAsync(_options.Namespace, fieldSelector: selector, cancellationToken: cancellationToken);
        await foreach (var (type, pod) in events)
        {
            var name = $"{pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name}";
            if (type == WatchEventType.Deleted)
            {
                Kick($"pod {name} deleted");
            }
            else if (type is WatchEventType.Added or WatchEventType.Modified && KubernetesMapper.IsLive(pod) && string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                Kick($"pod {name} pending");
            }
        }
    }

    private async Task WatchNodesAsync(CancellationToken cancellationToken)
    {
        await foreach (var (type, node) in client.CoreV1.WatchListNodeAsync(cancellationToken: cancellationToken))
        {
            var mapped = KubernetesMapper.ToNode(node, _options.SchedulerName);
            if (type == WatchEventType.Deleted)
            {
                _nodes.Remove(mapped.Name);
                Kick($"node {mapped.Name} deleted");
                continue;
            }

            var now = (mapped.Ready, mapped.Unschedulable);
            if (!_nodes.TryGetValue(mapped.Name, out var before) || before != now)
            {
                _nodes[mapped.Name] = now;
                Kick($"node {mapped.Name} ready={mapped.Ready} unschedulable={mapped.Unschedulable}");
            }
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Kick("keep-alive");
                await Task.Delay(_options.KeepAliveInterval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Kick(string reason)
    {
        try
        {
            _ = grains.GetGrain<IPlacementGrain>(IPlacementGrain.DefaultKey).RequestReconcile(reason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogKickFailed(logger, reason, e.Message);
        }
    }

    [LoggerMessage(EventId = 4210, Level = LogLevel.Debug, Message = "Kubernetes watch of {What} closed; reopening")]
    private static partial void LogWatchClosed(ILogger logger, string what);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Kubernetes watch of {What} failed: {Error}; reopening")]
    private static partial void LogWatchFailed(ILogger logger, string what, string error);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Debug, Message = "Could not ask the placement grain for a round ({Reason}): {Error}")]
    private static partial void LogKickFailed(ILogger logger, string reason, string error);
}
