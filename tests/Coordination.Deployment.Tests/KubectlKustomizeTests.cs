using Coordination.Deployment.Tests.Rendering;

namespace Coordination.Deployment.Tests;

public sealed class KubectlKustomizeTests
{
    [Fact]
    public void MissingKubectlIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            KubectlKustomize.Render(RepositoryPaths.K8s, TestContext.Current.CancellationToken, executable: "kubectl-not-installed-here"));

        Assert.Contains("'kubectl-not-installed-here' was not found on PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KustomizeErrorsNameTheMissingFile()
    {
        var dir = Directory.CreateTempSubdirectory("coordination-kustomize-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "kustomization.yaml"), "resources:\n  - missing.yaml\n");

            var error = Assert.Throws<InvalidOperationException>(() => KubectlKustomize.Render(dir, TestContext.Current.CancellationToken));

            Assert.Contains("missing.yaml", error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UnknownFieldsDoNotLoadAndTheMessageNamesTheSource()
    {
        const string yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicass: 2}\n";

        var error = Assert.Throws<InvalidOperationException>(() => RenderedManifests.Load("overlays/typo", yaml));

        Assert.Contains("overlays/typo", error.Message, StringComparison.Ordinal);
        Assert.Contains("replicass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectoryIsNamed()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => KubectlKustomize.Render("/no/such/k8s", TestContext.Current.CancellationToken));

        Assert.Contains("/no/such/k8s", error.Message, StringComparison.Ordinal);
    }
}
