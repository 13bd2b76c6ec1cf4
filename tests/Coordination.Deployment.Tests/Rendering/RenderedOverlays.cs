[assembly: AssemblyFixture(typeof(Coordination.Deployment.Tests.Rendering.RenderedOverlays))]

namespace Coordination.Deployment.Tests.Rendering;

/// <summary>Every kustomization under k8s/ rendered once for the whole test assembly.</summary>
public sealed class RenderedOverlays
{
    private readonly Dictionary<string, RenderedManifests> _rendered = [];

    public RenderedOverlays()
    {
        foreach (var overlay in Overlays.All)
        {
            _rendered[overlay] = RenderedManifests.Render(RepositoryPaths.K8s, overlay, CancellationToken.None);
        }
    }

    public RenderedManifests this[string overlay] =>
        _rendered.TryGetValue(overlay, out var rendered)
            ? rendered
            : throw new ArgumentException($"no kustomization '{overlay}' under k8s/", nameof(overlay));
}
