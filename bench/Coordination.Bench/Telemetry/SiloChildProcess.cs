using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Coordination.Bench.Telemetry;

/// <summary>The built Silo program as a child process on free loopback ports (killed on dispose).</summary>
internal sealed class SiloChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloChildProcess(Process process, int gatewayPort, string clusterId)
    {
        _process = process;
        GatewayPort = gatewayPort;
        ClusterId = clusterId;
    }

    public int GatewayPort { get; }

    public string ClusterId { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Silo program next to the running one (the CLI references it), or <paramref name="explicitPath"/>.</summary>
    public static string? Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        var next = Path.Combine(AppContext.BaseDirectory, "Coordination.Silo.dll");
        return File.Exists(next) && File.Exists(Path.ChangeExtension(next, ".runtimeconfig.json")) ? next : null;
    }

    public static SiloChildProcess Start(string siloDll, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var httpPort = FreePort();
        var clusterId = $"bench-{Guid.NewGuid():N}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["ClusterId"] = clusterId,
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }

        foreach (var (k, v) in all)
        {
            start.ArgumentList.Add($"--Coordination:{k}={v}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloChildProcess(process, gatewayPort, clusterId);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
