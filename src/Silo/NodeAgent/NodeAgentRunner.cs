using System.Diagnostics;
using Coordination.Common;
using Coordination.Nodes;
using Coordination.Nodes.Tegrastats;
using Coordination.Placement;

namespace Coordination.Silo.NodeAgent;

/// <summary>
/// The node agent's work over a connected client: registers the node, then reads tegrastats lines (from
/// <c>tegrastats --interval N</c>, or a recorded file with <c>--replay</c>, one line per interval), parses each
/// (an unreadable line is reported as <c>FILE:LINE: token ...</c> and skipped) and reports it to the node's twin.
/// While the cluster cannot be reached it says so once and keeps the latest sample for the next attempt.
/// </summary>
public sealed class NodeAgentRunner(IGrainFactory grains, TextWriter stdout, TextWriter stderr, TimeProvider clock)
{
    public int Accepted { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Exit code: 0 when the replay (or tegrastats) ended normally, 2 on bad input, 1 when nothing was accepted.</summary>
    public async Task<int> RunAsync(NodeAgentArguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (HardwareProfileCatalog.Find(args.Profile) is null)
        {
            await stderr.WriteLineAsync($"node-agent: --profile: unknown profile '{args.Profile}' (known: {HardwareProfileCatalog.KnownIds})");
            return 2;
        }

        var node = grains.GetGrain<IComputeNodeGrain>(args.Node);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/hostname"] = args.Node };
        await node.Register(new ComputeNodeRegistration(args.Profile, args.Zone, labels));
        await stdout.WriteLineAsync($"node-agent: {args.Node} registered as {args.Profile}");

        if (args.Replay is { } file)
        {
            if (!File.Exists(file))
            {
                await stderr.WriteLineAsync($"node-agent: --replay: file '{file}' not found");
                return 2;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                await ReportAsync(node, line, $"{file}:{number}", cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(args.IntervalMs), clock, cancellationToken);
            }
        }
        else
        {
            var tegrastats = FindTegrastats();
            if (tegrastats is null)
            {
                await stderr.WriteLineAsync("node-agent: tegrastats not found on PATH (on a machine without it, pass --replay FILE with recorded lines)");
                return 2;
            }

            using var process = Process.Start(new ProcessStartInfo(tegrastats, ["--interval", args.IntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("tegrastats did not start");
            var number = 0;
            try
            {
                while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
                {
                    number++;
                    await ReportAsync(node, line, $"tegrastats:{number}", cancellationToken);
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }

        await stdout.WriteLineAsync($"node-agent: {Accepted} sample(s) reported, {Rejected} line(s) rejected");
        return Accepted > 0 || Rejected == 0 ? 0 : 1;
    }

    private async Task ReportAsync(IComputeNodeGrain node, string line, string where, CancellationToken cancellationToken)
    {
        TegrastatsSample sample;
        try
        {
            sample = TegrastatsParser.Parse(line);
        }
        catch (TegrastatsFormatException e)
        {
            Rejected++;
            await stderr.WriteLineAsync($"{where}: {e.Message}");
            return;
        }

        var warned = false;
        while (true)
        {
            try
            {
                await node.ReportSample(sample).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                Accepted++;
                return;
            }
            catch (CoordinationValidationException e)
            {
                Rejected++;
                await stderr.WriteLineAsync($"{where}: {e.Message}");
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                if (!warned)
                {
                    warned = true;
                    await stderr.WriteLineAsync($"node-agent: cannot reach the cluster ({e.Message}); retrying");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            }
        }
    }

    private static string? FindTegrastats()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, "tegrastats");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
