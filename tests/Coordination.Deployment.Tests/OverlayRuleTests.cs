using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests;

public sealed class OverlayRuleTests(RenderedOverlays rendered)
{
    public static TheoryData<string> AllKustomizations => [.. Overlays.All];

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void KeepsEveryRule(string overlay)
    {
        var violations = ManifestChecker.Check(rendered[overlay], OverlayExpectations.For(overlay));

        Assert.True(violations.Count == 0, $"{overlay} breaks {violations.Count} rule(s):\n" + string.Join("\n", violations));
    }
}
