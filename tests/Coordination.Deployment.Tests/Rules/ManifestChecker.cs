using Coordination.Deployment.Tests.Network;
using Coordination.Deployment.Tests.Rendering;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>All deployment rules applied to one render; an empty list means the render keeps them all.</summary>
public static class ManifestChecker
{
    public static IReadOnlyList<Violation> Check(RenderedManifests manifests, OverlayExpectations expectations)
    {
        var found = new List<Violation>();
        ContainerRules.Check(manifests, found);
        ReferenceRules.Check(manifests, expectations, found);
        SelectorRules.Check(manifests, found);
        SiloRules.Check(manifests, found);
        RbacRules.Check(manifests, found);
        if (expectations.Shape != OverlayShape.Component)
        {
            // A component's policies only make sense with base's default deny around them.
            FlowMatrix.Check(manifests, found);
        }

        ShapeRules.Check(manifests, expectations, found);
        return found;
    }
}
