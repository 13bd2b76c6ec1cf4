using Coordination.Deployment.Tests.Breakage;
using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests;

/// <summary>
/// The checker is only worth something if it fails: each case breaks one rule in a copy of k8s/,
/// renders it, and expects exactly the violations of that rule on exactly the objects concerned.
/// </summary>
public sealed class BrokenCopyTests
{
    public static TheoryData<string> Cases => [.. Breakages.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void CheckerReportsExactlyTheBrokenRule(string name)
    {
        var breakage = Breakages.All[name];
        using var copy = new K8sCopy();
        copy.Replace(breakage.File, breakage.Find, breakage.Replace);

        var violations = ManifestChecker.Check(copy.Render(breakage.Overlay, TestContext.Current.CancellationToken), OverlayExpectations.For(breakage.Overlay));

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}:\n  {string.Join("\n  ", violations)}");
        var report = string.Join("\n", violations);
        Assert.True(violations.All(v => v.Rule == breakage.Rule), $"expected only [{breakage.Rule}] violations, got:\n{report}");
        Assert.Equal(breakage.Subjects.Order(), violations.Select(v => v.Subject).Order());
    }

    [Fact]
    public void ExtraVerbViolationNamesTheVerb()
    {
        var breakage = Breakages.All["extra actuator verb"];
        using var copy = new K8sCopy();
        copy.Replace(breakage.File, breakage.Find, breakage.Replace);

        var violation = Assert.Single(ManifestChecker.Check(copy.Render(breakage.Overlay, TestContext.Current.CancellationToken), OverlayExpectations.For(breakage.Overlay)));

        Assert.Equal("[rbac] ServiceAccount coordination/coordination-placement: granted more than the code uses: cluster: nodes delete", violation.ToString());
    }

    [Fact]
    public void UnbrokenCopyKeepsEveryRule()
    {
        using var copy = new K8sCopy();

        var violations = ManifestChecker.Check(copy.Render(Overlays.Jetson, TestContext.Current.CancellationToken), OverlayExpectations.For(Overlays.Jetson));

        Assert.Empty(violations);
    }

    [Fact]
    public void EditThatMissesItsTargetIsAnError()
    {
        using var copy = new K8sCopy();

        var error = Assert.Throws<InvalidOperationException>(() => copy.Replace("base/silo.env", "no such line", ""));

        Assert.Contains("base/silo.env", error.Message, StringComparison.Ordinal);
    }
}
