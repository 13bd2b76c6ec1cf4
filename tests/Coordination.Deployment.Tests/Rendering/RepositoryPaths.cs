namespace Coordination.Deployment.Tests.Rendering;

/// <summary>Finds the repository (the folder holding Coordination.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string K8s => Path.Combine(Root, "k8s");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Coordination.sln was not found in {AppContext.BaseDirectory} or any folder above it; run the tests from the repository.");
    }
}
