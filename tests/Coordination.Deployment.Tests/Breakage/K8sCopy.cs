using Coordination.Deployment.Tests.Rendering;

namespace Coordination.Deployment.Tests.Breakage;

/// <summary>A throw-away copy of k8s/ in a temporary folder, to break on purpose and render.</summary>
public sealed class K8sCopy : IDisposable
{
    public K8sCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), $"coordination-k8s-{Guid.NewGuid():N}");
        Copy(new DirectoryInfo(RepositoryPaths.K8s), Root);
    }

    public string Root { get; }

    /// <summary>Replaces the one occurrence of <paramref name="find"/> in a file; anything else is an error in the test.</summary>
    public void Replace(string relativePath, string find, string replacement)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(find, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException(
                $"{relativePath}: the text to break must occur exactly once, found {(first < 0 ? "none" : "several")}: {find}");
        }

        File.WriteAllText(path, string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length)));
    }

    public RenderedManifests Render(string overlay, CancellationToken cancellationToken) =>
        RenderedManifests.Render(Root, overlay, cancellationToken);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.GetFiles())
        {
            file.CopyTo(Path.Combine(target, file.Name));
        }

        foreach (var directory in source.GetDirectories())
        {
            Copy(directory, Path.Combine(target, directory.Name));
        }
    }
}
