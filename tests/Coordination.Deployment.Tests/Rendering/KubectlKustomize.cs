using System.ComponentModel;
using System.Diagnostics;

namespace Coordination.Deployment.Tests.Rendering;

/// <summary>Renders a kustomization offline with <c>kubectl kustomize DIR</c>.</summary>
public static class KubectlKustomize
{
    public const string DefaultExecutable = "kubectl";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static string Render(string directory, CancellationToken cancellationToken, string executable = DefaultExecutable)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"kustomization directory not found: {directory}");
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'{executable}' was not found on PATH ({exception.Message}). The deployment tests render k8s/ with "
                + "'kubectl kustomize'; install kubectl (it needs no cluster).",
                exception);
        }

        if (process is null)
        {
            throw new InvalidOperationException($"'{executable} kustomize {directory}' did not start.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{executable} kustomize {directory}' did not finish within {s_timeout.TotalSeconds} s.");
            }

            Task.WaitAll([stdout, stderr], cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{executable} kustomize {directory}' failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
            }

            return stdout.Result;
        }
    }
}
