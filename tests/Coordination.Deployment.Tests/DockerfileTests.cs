using System.Xml.Linq;
using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests;

/// <summary>The silo image, read statically (no Docker daemon here): stages, platforms, user, entry point, ports.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] s_lines = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"))
        .Replace("\\\n", " ", StringComparison.Ordinal)
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    private static IEnumerable<string> Instructions(string name) =>
        s_lines.Where(l => l.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim());

    private static IEnumerable<string> FinalStage() =>
        s_lines.Skip(Array.FindLastIndex(s_lines, l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void BuildsInAnSdkStageForTheTargetArchitectureAndRunsOnTheAspNetRuntime()
    {
        var stages = Instructions("FROM").ToList();

        Assert.True(stages.Count >= 2, "multi-stage build expected");
        Assert.Contains("--platform=$BUILDPLATFORM", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/sdk", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet", stages[^1], StringComparison.Ordinal);
        Assert.Contains("TARGETARCH", Instructions("ARG"));
        Assert.All(Instructions("RUN").Where(r => r.StartsWith("dotnet ", StringComparison.Ordinal)), r => Assert.Contains("-a $TARGETARCH", r, StringComparison.Ordinal));
    }

    [Fact]
    public void PublishesTheSiloProjectThatExists()
    {
        var publish = Assert.Single(Instructions("RUN"), r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
        var project = publish.Split(' ')[2];

        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, project)), $"{project} does not exist");
        var assembly = XDocument.Load(Path.Combine(RepositoryPaths.Root, project)).Descendants("AssemblyName").Single().Value;
        Assert.Equal($"[\"dotnet\", \"{assembly}.dll\"]", Assert.Single(Instructions("ENTRYPOINT")));
    }

    [Fact]
    public void RuntimeStageRunsAsNonRootAndExposesTheSiloPorts()
    {
        var user = FinalStage().Last(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase))[5..].Trim();
        var exposed = FinalStage().Where(l => l.StartsWith("EXPOSE ", StringComparison.OrdinalIgnoreCase)).SelectMany(l => l[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();

        Assert.DoesNotContain(user.Split(':')[0], new[] { "0", "root" });
        Assert.Equal("1654", user.Split(':')[0]);
        Assert.Superset(new HashSet<string> { $"{SiloSettings.SiloPort}", $"{SiloSettings.GatewayPort}", $"{SiloSettings.HttpPort}" }, exposed);
        Assert.Contains(FinalStage(), l => l.Contains($"ASPNETCORE_URLS=http://+:{SiloSettings.HttpPort}", StringComparison.Ordinal));
    }

    [Fact]
    public void PodsRunAsTheImageUser()
    {
        var manifests = RenderedManifests.Load("inline", File.ReadAllText(Path.Combine(RepositoryPaths.K8s, "base", "silo-deployment.yaml")));

        Assert.Equal(1654, Assert.Single(manifests.Workloads).Pod.SecurityContext.RunAsUser);
    }

    [Fact]
    public void BuildContextLeavesOutBuildOutputAndGit()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".git/" }, ignored);
        Assert.DoesNotContain("src/", ignored);
    }
}
