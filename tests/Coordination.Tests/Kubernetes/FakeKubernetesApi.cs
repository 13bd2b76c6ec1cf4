using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server over HTTP (ASP.NET Core on 127.0.0.1, port 0) implementing what the placement
/// actuator uses, with the real API's status codes: nodes list/watch/get/patch (merge patch), pods list/watch
/// (with <c>spec.schedulerName</c> field selector) and get, <c>pods/binding</c> (201; 409 when already bound; 404),
/// <c>pods/eviction</c> (201; 429 when a PodDisruptionBudget would be violated; 404), Deployments list/get and
/// <c>deployments/scale</c> get/patch. Deployments behave like their ReplicaSet: an evicted pod is replaced by a
/// new pending one, and scaling creates or deletes pending pods. Faults can be injected per request, and open watch
/// streams can be ended (<see cref="CloseWatches"/>) or broken (<see cref="BreakWatches"/>).
/// </summary>
public sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, V1Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ns, string Name), V1Pod> _pods = [];
    private readonly Dictionary<(string Ns, string Name), V1Deployment> _deployments = [];
    private readonly List<(string Ns, string App, int MaxUnavailable)> _budgets = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(string Kind, Channel<string> Events, HttpContext Context)> _watchers = [];
    private readonly ConcurrentDictionary<string, int> _watchesOpened = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication _app = null!;
    private int _counter;

    private FakeKubernetesApi()
    {
    }

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Answers a request with this status (and no change) instead of handling it, when it returns one.</summary>
    public Func<HttpRequest, int?>? Fault { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeKubernetesApi> StartAsync(CancellationToken cancellationToken)
    {
        var api = new FakeKubernetesApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        api._app = app;
        api.Map(app);
        await app.StartAsync(cancellationToken);
        api.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    /// <summary>A client of this server, as the silo makes it.</summary>
    public IKubernetes Client() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Url });

    public void AddNode(string name, string profile, bool ready = true, string zone = "dock-a")
    {
        var node = new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string>
                {
                    ["coordination.io/jetson-profile"] = profile,
                    ["coordination.io/tier"] = "balanced",
                    ["topology.kubernetes.io/zone"] = zone,
                    ["nvidia.com/gpu.product"] = "NVIDIA-Jetson-Orin-NX",
                    ["kubernetes.io/hostname"] = name,
                },
                ResourceVersion = "1",
            },
            Spec = new V1NodeSpec(),
            Status = new V1NodeStatus
            {
                Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8"), ["memory"] = new("14Gi"), ["pods"] = new("110") },
                Conditions = [new V1NodeCondition { Type = "Ready", Status = ready ? "True" : "False" }],
            },
        };
        lock (_lock)
        {
            _nodes[name] = node;
            Publish("nodes", "ADDED", node);
        }
    }

    /// <summary>Sets a node's Ready condition (the kubelet stopped reporting, or came back).</summary>
    public void SetNodeReady(string name, bool ready)
    {
        lock (_lock)
        {
            var node = _nodes[name];
            node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = ready ? "True" : "False" }];
            Publish("nodes", "MODIFIED", node);
        }
    }

    /// <summary>A Deployment of <paramref name="replicas"/> pods for scheduler <c>coordination-placement</c>, pending.</summary>
    public void AddDeployment(string ns, string name, int replicas, int gpuMemoryMiB, int priority = 0, IDictionary<string, string>? annotations = null)
    {
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = annotations ?? new Dictionary<string, string>() },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name },
                        Annotations = new Dictionary<string, string> { ["coordination.io/gpu-memory-mib"] = gpuMemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    },
                    Spec = new V1PodSpec
                    {
                        SchedulerName = "coordination-placement",
                        Priority = priority,
                        Containers = [new V1Container { Name = name, Image = "example/" + name, Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("512Mi") } } }],
                    },
                },
            },
        };
        lock (_lock)
        {
            _deployments[(ns, name)] = deployment;
            for (var i = 0; i < replicas; i++)
            {
                CreatePodLocked(deployment);
            }
        }
    }

    /// <summary>A PodDisruptionBudget with <c>maxUnavailable</c> over the pods labelled <c>app.kubernetes.io/name=app</c>.</summary>
    public void AddDisruptionBudget(string ns, string app, int maxUnavailable)
    {
        lock (_lock)
        {
            _budgets.Add((ns, app, maxUnavailable));
        }
    }

    public IReadOnlyList<V1Pod> Pods()
    {
        lock (_lock)
        {
            return [.. _pods.Values.Select(p => KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(p)))];
        }
    }

    /// <summary>How many watch streams of <paramref name="kind"/> (<c>pods</c>, <c>nodes</c>) have been opened so far.</summary>
    public int WatchesOpened(string kind) => _watchesOpened.GetValueOrDefault(kind);

    /// <summary>Ends the open watch streams of <paramref name="kind"/> cleanly, as the API server does when a watch times out.</summary>
    public void CloseWatches(string kind)
    {
        lock (_lock)
        {
            foreach (var (_, events, _) in _watchers.Where(w => w.Kind == kind))
            {
                events.Writer.TryComplete();
            }
        }
    }

    /// <summary>Aborts the connections of the open watch streams of <paramref name="kind"/> (a dropped connection mid-stream).</summary>
    public void BreakWatches(string kind)
    {
        lock (_lock)
        {
            foreach (var (_, _, context) in _watchers.Where(w => w.Kind == kind))
            {
                context.Abort();
            }
        }
    }

    public V1Node Node(string name)
    {
        lock (_lock)
        {
            return KubernetesJson.Deserialize<V1Node>(KubernetesJson.Serialize(_nodes[name]));
        }
    }

    public int Replicas(string ns, string name)
    {
        lock (_lock)
        {
            return _deployments[(ns, name)].Spec.Replicas ?? 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        lock (_lock)
        {
            foreach (var (_, events, _) in _watchers)
            {
                events.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            if (Fault?.Invoke(context.Request) is { } status)
            {
                await WriteStatus(context, status, "injected fault");
            }
            else
            {
                try
                {
                    await next(context);
                }
                catch (Exception e) when (!context.Response.HasStarted)
                {
                    await WriteStatus(context, 500, $"fake API server failed: {e}");
                }
            }

            _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Response.StatusCode, body));
        });

        app.MapGet("/api/v1/nodes", (HttpContext c) => List(c, "nodes", null, () => new V1NodeList { ApiVersion = "v1", Kind = "NodeList", Items = [.. _nodes.Values], Metadata = new V1ListMeta() }, () => [.. _nodes.Values]));
        app.MapGet("/api/v1/nodes/{name}", (HttpContext c, string name) => Locked(c, () => _nodes.TryGetValue(name, out var n) ? Ok(n) : NotFound("nodes", name)));
        app.MapMethods("/api/v1/nodes/{name}", ["PATCH"], (HttpContext c, string name) => PatchNode(c, name));
        app.MapGet("/api/v1/pods", (HttpContext c) => ListPods(c, null));
        app.MapGet("/api/v1/namespaces/{ns}/pods", (HttpContext c, string ns) => ListPods(c, ns));
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", (HttpContext c, string ns, string name) => Locked(c, () => _pods.TryGetValue((ns, name), out var p) ? Ok(p) : NotFound("pods", name)));
        app.MapPost("/api/v1/namespaces/{ns}/pods/{name}/binding", (HttpContext c, string ns, string name) => Bind(c, ns, name));
        app.MapPost("/api/v1/namespaces/{ns}/pods/{name}/eviction", (HttpContext c, string ns, string name) => Evict(c, ns, name));
        app.MapGet("/apis/apps/v1/deployments", (HttpContext c) => ListDeployments(c, null));
        app.MapGet("/apis/apps/v1/namespaces/{ns}/deployments", (HttpContext c, string ns) => ListDeployments(c, ns));
        app.MapGet("/apis/apps/v1/namespaces/{ns}/deployments/{name}", (HttpContext c, string ns, string name) => Locked(c, () => _deployments.TryGetValue((ns, name), out var d) ? Ok(d) : NotFound("deployments.apps", name)));
        app.MapGet("/apis/apps/v1/namespaces/{ns}/deployments/{name}/scale", (HttpContext c, string ns, string name) => Locked(c, () => _deployments.TryGetValue((ns, name), out var d) ? Ok(ScaleOf(d)) : NotFound("deployments.apps", name)));
        app.MapMethods("/apis/apps/v1/namespaces/{ns}/deployments/{name}/scale", ["PATCH"], (HttpContext c, string ns, string name) => PatchScale(c, ns, name));
    }

    private Task ListPods(HttpContext c, string? ns)
    {
        var selector = c.Request.Query["fieldSelector"].ToString();
        var scheduler = selector.StartsWith("spec.schedulerName=", StringComparison.Ordinal) ? selector["spec.schedulerName=".Length..] : null;
        bool Matches(V1Pod p) => (ns is null || p.Metadata.NamespaceProperty == ns) && (scheduler is null || p.Spec.SchedulerName == scheduler);
        return List(
            c,
            "pods",
            o => Matches((V1Pod)o),
            () => new V1PodList { ApiVersion = "v1", Kind = "PodList", Items = [.. _pods.Values.Where(Matches)], Metadata = new V1ListMeta() },
            () => [.. _pods.Values.Where(Matches)]);
    }

    private Task ListDeployments(HttpContext c, string? ns) => Locked(c, () => Ok(new V1DeploymentList
    {
        ApiVersion = "apps/v1",
        Kind = "DeploymentList",
        Items = [.. _deployments.Values.Where(d => ns is null || d.Metadata.NamespaceProperty == ns)],
        Metadata = new V1ListMeta(),
    }));

    /// <summary>A list, or with <c>watch=true</c> a stream of newline-delimited watch events (existing objects as ADDED first).</summary>
    private async Task List(HttpContext c, string kind, Func<object, bool>? filter, Func<object> list, Func<List<object>> existing)
    {
        var watch = c.Request.Query["watch"].ToString();
        if (!string.Equals(watch, "true", StringComparison.OrdinalIgnoreCase) && watch != "1")
        {
            await Locked(c, () => Ok(list()));
            return;
        }

        var events = Channel.CreateUnbounded<string>();
        lock (_lock)
        {
            foreach (var o in existing())
            {
                events.Writer.TryWrite(Event("ADDED", o));
            }

            _watchers.Add((kind, events, c));
            _watchesOpened.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }

        c.Response.StatusCode = 200;
        c.Response.ContentType = "application/json";

        // Headers go out at once, as from the real API server, so a client sees the watch open before any event.
        await c.Response.StartAsync(c.RequestAborted);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(c.RequestAborted, _stopping.Token);
        try
        {
            await foreach (var line in events.Reader.ReadAllAsync(linked.Token))
            {
                if (filter is not null && JsonNode.Parse(line)?["object"] is { } obj && !filter(Deserialize(kind, obj.ToJsonString())))
                {
                    continue;
                }

                await c.Response.WriteAsync(line + "\n", linked.Token);
                await c.Response.Body.FlushAsync(linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _watchers.RemoveAll(w => w.Events == events);
            }
        }
    }

    private static object Deserialize(string kind, string json) => kind == "pods" ? KubernetesJson.Deserialize<V1Pod>(json) : KubernetesJson.Deserialize<V1Node>(json);

    private async Task PatchNode(HttpContext c, string name)
    {
        if (c.Request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) != true)
        {
            await WriteStatus(c, 415, $"unsupported patch type {c.Request.ContentType}");
            return;
        }

        var patch = JsonNode.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync(c.RequestAborted));
        await Locked(c, () =>
        {
            if (!_nodes.TryGetValue(name, out var node))
            {
                return NotFound("nodes", name);
            }

            var merged = JsonMergePatch.Apply(JsonNode.Parse(KubernetesJson.Serialize(node)), patch)!;
            var updated = KubernetesJson.Deserialize<V1Node>(merged.ToJsonString());
            updated.Metadata.ResourceVersion = Next();
            _nodes[name] = updated;
            Publish("nodes", "MODIFIED", updated);
            return Ok(updated);
        });
    }

    private async Task Bind(HttpContext c, string ns, string name)
    {
        var binding = KubernetesJson.Deserialize<V1Binding>(await new StreamReader(c.Request.Body).ReadToEndAsync(c.RequestAborted));
        await Locked(c, () =>
        {
            if (!_pods.TryGetValue((ns, name), out var pod))
            {
                return NotFound("pods", name);
            }

            if (!string.IsNullOrEmpty(pod.Spec.NodeName))
            {
                return Status(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{name}\": pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
            }

            if (binding.Target?.Kind != "Node" || !_nodes.ContainsKey(binding.Target.Name ?? string.Empty))
            {
                return NotFound("nodes", binding.Target?.Name ?? string.Empty);
            }

            pod.Spec.NodeName = binding.Target.Name;
            pod.Status = new V1PodStatus { Phase = "Running" };
            pod.Metadata.ResourceVersion = Next();
            Publish("pods", "MODIFIED", pod);
            return (201, StatusJson("Success", 201));
        });
    }

    private async Task Evict(HttpContext c, string ns, string name)
    {
        var eviction = KubernetesJson.Deserialize<V1Eviction>(await new StreamReader(c.Request.Body).ReadToEndAsync(c.RequestAborted));
        await Locked(c, () =>
        {
            if (eviction.Metadata?.Name != name)
            {
                return Status(400, "BadRequest", "name in URL does not match name in Eviction object");
            }

            if (!_pods.TryGetValue((ns, name), out var pod))
            {
                return NotFound("pods", name);
            }

            var app = AppOf(pod);
            foreach (var budget in _budgets.Where(b => b.Ns == ns && b.App == app))
            {
                var matching = _pods.Values.Where(p => p.Metadata.NamespaceProperty == ns && AppOf(p) == app).ToList();
                var healthy = matching.Count(Healthy);
                var desired = matching.Count - budget.MaxUnavailable;
                var allowed = Healthy(pod) ? healthy - 1 >= desired : healthy >= desired;
                if (!allowed)
                {
                    return Status(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.");
                }
            }

            _pods.Remove((ns, name));
            Publish("pods", "DELETED", pod);
            if (app is not null && _deployments.TryGetValue((ns, app), out var deployment))
            {
                CreatePodLocked(deployment);
            }

            return (201, StatusJson("Success", 201));
        });
    }

    private static string? AppOf(V1Pod pod) =>
        pod.Metadata.Labels is { } labels && labels.TryGetValue("app.kubernetes.io/name", out var app) ? app : null;

    private bool Healthy(V1Pod pod) =>
        !string.IsNullOrEmpty(pod.Spec.NodeName) && _nodes.TryGetValue(pod.Spec.NodeName, out var node)
        && node.Status.Conditions.Any(c => c.Type == "Ready" && c.Status == "True");

    private async Task PatchScale(HttpContext c, string ns, string name)
    {
        var patch = JsonNode.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync(c.RequestAborted));
        await Locked(c, () =>
        {
            if (!_deployments.TryGetValue((ns, name), out var deployment))
            {
                return NotFound("deployments.apps", name);
            }

            var scale = KubernetesJson.Deserialize<V1Scale>(JsonMergePatch.Apply(JsonNode.Parse(KubernetesJson.Serialize(ScaleOf(deployment))), patch)!.ToJsonString());
            var replicas = scale.Spec?.Replicas ?? 0;
            if (replicas < 0)
            {
                return Status(422, "Invalid", "spec.replicas: must be greater than or equal to 0");
            }

            deployment.Spec.Replicas = replicas;
            var pods = _pods.Values.Where(p => p.Metadata.NamespaceProperty == ns && AppOf(p) == name)
                .OrderBy(p => string.IsNullOrEmpty(p.Spec.NodeName) ? 0 : 1).ToList();
            for (var i = pods.Count; i < replicas; i++)
            {
                CreatePodLocked(deployment);
            }

            foreach (var pod in pods.Take(Math.Max(0, pods.Count - replicas)))
            {
                _pods.Remove((ns, pod.Metadata.Name));
                Publish("pods", "DELETED", pod);
            }

            return Ok(ScaleOf(deployment));
        });
    }

    private static V1Scale ScaleOf(V1Deployment d) => new()
    {
        ApiVersion = "autoscaling/v1",
        Kind = "Scale",
        Metadata = new V1ObjectMeta { Name = d.Metadata.Name, NamespaceProperty = d.Metadata.NamespaceProperty },
        Spec = new V1ScaleSpec { Replicas = d.Spec.Replicas },
    };

    private void CreatePodLocked(V1Deployment deployment)
    {
        var n = Interlocked.Increment(ref _counter);
        var template = deployment.Spec.Template;
        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-7d9f8-{n:x5}",
                NamespaceProperty = deployment.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>(template.Metadata.Labels),
                Annotations = new Dictionary<string, string>(template.Metadata.Annotations),
                CreationTimestamp = DateTime.UtcNow,
                ResourceVersion = Next(),
                OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = $"{deployment.Metadata.Name}-7d9f8", Uid = "rs", Controller = true }],
            },
            Spec = KubernetesJson.Deserialize<V1PodSpec>(KubernetesJson.Serialize(template.Spec)),
            Status = new V1PodStatus { Phase = "Pending" },
        };
        _pods[(pod.Metadata.NamespaceProperty, pod.Metadata.Name)] = pod;
        Publish("pods", "ADDED", pod);
    }

    private string Next() => Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Publish(string kind, string type, object o)
    {
        var line = Event(type, o);
        foreach (var (k, events, _) in _watchers)
        {
            if (k == kind)
            {
                events.Writer.TryWrite(line);
            }
        }
    }

    private static string Event(string type, object o) => $"{{\"type\":\"{type}\",\"object\":{KubernetesJson.Serialize(o)}}}";

    private async Task Locked(HttpContext c, Func<(int Status, string Json)> handle)
    {
        (int Status, string Json) result;
        lock (_lock)
        {
            result = handle();
        }

        c.Response.StatusCode = result.Status;
        c.Response.ContentType = "application/json";
        await c.Response.WriteAsync(result.Json, c.RequestAborted);
    }

    private static (int, string) Ok(object o) => (200, KubernetesJson.Serialize(o));

    private static (int, string) NotFound(string resource, string name) => Status(404, "NotFound", $"{resource} \"{name}\" not found");

    private static (int, string) Status(int code, string reason, string message) =>
        (code, StatusJson("Failure", code, reason, message));

    // KubernetesJson cannot write V1Status (its converter only reads), so the Status object is written by hand.
    private static string StatusJson(string status, int code, string? reason = null, string? message = null) => new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = status,
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString();

    private static async Task WriteStatus(HttpContext c, int code, string message)
    {
        var (status, json) = Status(code, code switch { 403 => "Forbidden", 409 => "Conflict", 429 => "TooManyRequests", _ => "InternalError" }, message);
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        await c.Response.WriteAsync(json, c.RequestAborted);
    }
}
