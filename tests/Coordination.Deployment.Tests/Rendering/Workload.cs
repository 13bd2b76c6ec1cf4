using k8s.Models;

namespace Coordination.Deployment.Tests.Rendering;

/// <summary>A pod-owning object (Deployment or StatefulSet) reduced to what the rules look at.</summary>
public sealed record Workload(
    string Kind,
    string Namespace,
    string Name,
    int Replicas,
    V1LabelSelector Selector,
    V1PodTemplateSpec Template)
{
    public string Id => $"{Kind} {Namespace}/{Name}";

    public V1PodSpec Pod => Template.Spec;

    public IReadOnlyDictionary<string, string> PodLabels =>
        (IReadOnlyDictionary<string, string>?)Template.Metadata?.Labels?.AsReadOnly() ?? new Dictionary<string, string>();

    public IEnumerable<V1Container> AllContainers => (Pod.InitContainers ?? []).Concat(Pod.Containers ?? []);
}
