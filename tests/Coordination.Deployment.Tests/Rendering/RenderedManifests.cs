using k8s;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rendering;

/// <summary>The documents of one rendered kustomization, loaded as typed KubernetesClient objects.</summary>
public sealed class RenderedManifests
{
    private RenderedManifests(string source, IReadOnlyList<object> objects)
    {
        Source = source;
        Objects = objects;
        Workloads =
        [
            .. Of<V1Deployment>().Select(d => new Workload(
                "Deployment", NamespaceOf(d), d.Name(), d.Spec.Replicas ?? 1, d.Spec.Selector, d.Spec.Template)),
            .. Of<V1StatefulSet>().Select(s => new Workload(
                "StatefulSet", NamespaceOf(s), s.Name(), s.Spec.Replicas ?? 1, s.Spec.Selector, s.Spec.Template)),
        ];
    }

    /// <summary>Where the documents came from (an overlay path), for messages.</summary>
    public string Source { get; }

    public IReadOnlyList<object> Objects { get; }

    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>Loads <c>kubectl kustomize</c> output; unknown fields are an error (strict), so typos surface.</summary>
    public static RenderedManifests Load(string source, string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"the rendered documents of {source} do not load as typed Kubernetes objects: {exception.Message}", exception);
        }

        return new RenderedManifests(source, objects);
    }

    /// <summary>Renders <paramref name="overlay"/> (a path under <paramref name="k8sRoot"/>), named by that path in messages.</summary>
    public static RenderedManifests Render(string k8sRoot, string overlay, CancellationToken cancellationToken) =>
        Load(overlay, KubectlKustomize.Render(Path.Combine(k8sRoot, overlay), cancellationToken));

    public IEnumerable<T> Of<T>()
        where T : IKubernetesObject<V1ObjectMeta> => Objects.OfType<T>();

    public T? Find<T>(string @namespace, string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        Of<T>().FirstOrDefault(o => o.Name() == name && NamespaceOf(o) == @namespace);

    public Workload? FindWorkload(string name) => Workloads.FirstOrDefault(w => w.Name == name);

    /// <summary>The namespace of a namespaced object; "" for cluster-scoped ones.</summary>
    public static string NamespaceOf(IKubernetesObject<V1ObjectMeta> o) => o.Namespace() ?? "";
}
