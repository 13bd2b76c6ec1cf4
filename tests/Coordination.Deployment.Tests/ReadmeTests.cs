using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests;

/// <summary>k8s/README.md stays true to the manifests: apply commands, the out-of-band Secret, every setting.</summary>
public sealed class ReadmeTests
{
    private static readonly string s_readme = File.ReadAllText(Path.Combine(RepositoryPaths.K8s, "README.md"));

    public static TheoryData<string> Settings => [.. SiloSettings.KnownVariables.Where(v => v.StartsWith("Coordination__", StringComparison.Ordinal)).Order()];

    [Theory]
    [InlineData("kubectl apply -k k8s/overlays/dev")]
    [InlineData("kubectl apply -k k8s/overlays/jetson")]
    [InlineData("create secret generic coordination-redis --from-literal=password=")]
    [InlineData("coordination.io/edge=true:NoSchedule")]
    [InlineData("/health/ready")]
    public void MentionsHowToDeployAndCheck(string text) =>
        Assert.Contains(text, s_readme, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Settings))]
    public void ConfigurationTableListsSetting(string setting) =>
        Assert.Contains($"`{setting}`", s_readme, StringComparison.Ordinal);

    [Fact]
    public void ExternalSecretIsTheDocumentedOne() =>
        Assert.Contains($"Secret `{OverlayExpectations.RedisSecret}`", s_readme, StringComparison.Ordinal);
}
