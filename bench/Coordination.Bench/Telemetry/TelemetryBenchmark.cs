using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Coordination.Client;
using Coordination.Client.Connection;
using Coordination.Client.Fleet;
using Coordination.Fleet;

namespace Coordination.Bench.Telemetry;

/// <summary>
/// <c>coord bench telemetry</c>: N simulated <see cref="RobotSession"/>s drive their twins through an external client.
/// Three phases of equal length, each after a warm-up: (1) every session at the given rate, with per-sample latency;
/// (2) the same sessions sending telemetry as fast as they can; (3) the baseline, the same number of concurrent
/// callers of a trivial grain (<see cref="IPingGrain"/>) as fast as they can. Prints a table and the ratio (2)/(3).
/// </summary>
public static class TelemetryBenchmark
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(TelemetryBenchArgs args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Problem() is { } problem)
        {
            await stderr.WriteLineAsync($"coord bench telemetry: {problem}");
            return 2;
        }

        SiloChildProcess? silo = null;
        var target = args.Target;
        if (target is null)
        {
            var dll = SiloChildProcess.Locate(args.SiloDll);
            if (dll is null)
            {
                await stderr.WriteLineAsync(args.SiloDll is null
                    ? "coord bench telemetry: the Silo program is not next to coord (build src/Cli) — pass --silo-dll PATH or --gateway host:port"
                    : $"coord bench telemetry: --silo-dll: '{args.SiloDll}' not found");
                return 2;
            }

            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!args.TieredJit)
            {
                environment["DOTNET_TieredCompilation"] = "0";
            }

            silo = SiloChildProcess.Start(dll, new Dictionary<string, string>(), environment);
            target = new CoordinationClientOptions { LocalGatewayPort = silo.GatewayPort, ClusterId = silo.ClusterId, ConnectTimeout = TimeSpan.FromSeconds(90) };
            await stdout.WriteLineAsync($"started a silo ({dll}) on gateway port {silo.GatewayPort}, tiered JIT {(args.TieredJit ? "on" : "off")}");
            if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
            {
                await stdout.WriteLineAsync("note: this process (the client side) runs with tiered JIT; DOTNET_TieredCompilation=0 measures its steady state too");
            }
        }

        try
        {
            await using var client = await CoordinationClient.ConnectAsync(target, cancellationToken: cancellationToken);
            var result = await MeasureAsync(client, args, stdout, cancellationToken);
            await stdout.WriteLineAsync(Table(result));
            if (args.JsonPath is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json) + "\n", cancellationToken);
                await stdout.WriteLineAsync($"wrote {path}");
            }

            return 0;
        }
        catch (ClusterUnreachableException e)
        {
            await stderr.WriteLineAsync($"coord bench telemetry: {e.Message}{(silo is { HasExited: true } ? "\n" + silo.Output : string.Empty)}");
            return 4;
        }
        finally
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }
    }

    public static string Table(TelemetryBenchResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new (string Name, string Value)[]
        {
            ("robots", r.Robots.ToString(c)),
            ("rate per robot (Hz)", r.RateHz.ToString("0.##", c)),
            ("phase length (s)", r.Seconds.ToString("0.##", c)),
            ("raw calls/s (baseline, same concurrency)", r.RawCallsPerSecond.ToString("N0", c)),
            ("raw call p99 (ms)", r.RawP99Ms.ToString("0.00", c)),
            ("telemetry samples/s, unpaced", r.MaxSamplesPerSecond.ToString("N0", c)),
            ("telemetry p99 unpaced (ms)", r.MaxP99Ms.ToString("0.00", c)),
            ("ratio telemetry / raw", r.Ratio.ToString("0.000", c)),
            ("paced target samples/s", r.TargetSamplesPerSecond.ToString("N0", c)),
            ("paced accepted samples/s", r.SamplesPerSecond.ToString("N0", c)),
            ("paced p50 (ms)", r.P50Ms.ToString("0.00", c)),
            ("paced p99 (ms)", r.P99Ms.ToString("0.00", c)),
            ("errors", r.Errors.ToString(c)),
            ("sustained (>= 99% of target, p99 < 50 ms)", r.Sustained ? "yes" : "no"),
        };
        var width = rows.Max(x => x.Name.Length);
        return string.Join(Environment.NewLine, rows.Select(x => $"{x.Name.PadRight(width)}  {x.Value,14}"));
    }

    private static async Task<TelemetryBenchResult> MeasureAsync(CoordinationClient client, TelemetryBenchArgs args, TextWriter stdout, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sessions = new RobotSession[args.Robots];
        var sessionOptions = new RobotSessionOptions { CallTimeout = TimeSpan.FromSeconds(30) };
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, args.Robots).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var registration = new RobotRegistration("bench-amr", ["lift"], $"/bench/{i}", $"bench-world-{i % args.Worlds}", 1.5, string.Empty);
                    sessions[i] = await RobotSession.StartAsync(client, $"bench-{run}-{i}", registration, sessionOptions, ct);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await stdout.WriteLineAsync($"{args.Robots} sessions registered; measuring {args.Seconds:0.#} s per phase after {args.WarmupSeconds:0.#} s of warm-up");
        try
        {
            var clock = Stopwatch.StartNew();
            var pings = Enumerable.Range(0, args.Robots).Select(i => client.Cluster.GetGrain<IPingGrain>(i)).ToArray();

            // Telemetry first: robots that stop reporting go offline after a few seconds (and come back with a burst
            // of dispatcher updates), which the raw phase must not inflict on the telemetry phases.
            var paced = await PhaseAsync(args, i => sessions[i].ReportTelemetryAsync(Sample(args, i, clock.Elapsed), ct), paced: true, ct);
            var max = await PhaseAsync(args, i => sessions[i].ReportTelemetryAsync(Sample(args, i, clock.Elapsed), ct), paced: false, ct);
            var twins = sessions.Select(x => client.Cluster.GetGrain<IRobotGrain>(x.RobotId)).ToArray();
            var direct = await PhaseAsync(args, i => twins[i].ReportTelemetry(Sample(args, i, clock.Elapsed)), paced: false, ct);
            var raw = await PhaseAsync(args, i => pings[i].Ping(i), paced: false, ct);
            await stdout.WriteLineAsync($"(telemetry as plain grain calls, without the session: {direct.PerSecond:N0}/s, p99 {direct.P99:0.00} ms)");

            var target = args.Robots * args.RateHz;
            var ratio = raw.PerSecond > 0 ? max.PerSecond / raw.PerSecond : 0;
            return new TelemetryBenchResult(
                args.Robots,
                args.RateHz,
                Math.Round(paced.PerSecond, 1),
                Math.Round(paced.P50, 3),
                Math.Round(paced.P99, 3),
                Math.Round(raw.PerSecond, 1),
                Math.Round(ratio, 4),
                target,
                Math.Round(max.PerSecond, 1),
                Math.Round(max.P99, 3),
                Math.Round(raw.P99, 3),
                args.Seconds,
                raw.Errors + max.Errors + paced.Errors,
                paced.PerSecond >= 0.99 * target && paced.P99 < 50 && paced.Errors == 0);
        }
        finally
        {
            await Task.WhenAll(sessions.Where(s => s is not null).Select(s => s.DisposeAsync().AsTask()));
        }
    }

    /// <summary>A robot moving along x at the configured speed, wrapping within 100 cells; timestamps never go back.</summary>
    private static RobotTelemetry Sample(TelemetryBenchArgs args, int robot, TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        var x = ((robot * 7) + (args.SpeedCellsPerSecond * t)) % 100;
        var y = robot / 100 % 100;
        var battery = 100 - (t / 60 % 80);
        return new RobotTelemetry(x, y, 0, args.SpeedCellsPerSecond, 0, battery, RobotStatus.Idle, Epoch + elapsed);
    }

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UtcNow;

    private static async Task<(double PerSecond, double P50, double P99, long Errors)> PhaseAsync(
        TelemetryBenchArgs args, Func<int, Task> call, bool paced, CancellationToken ct)
    {
        var recorders = Enumerable.Range(0, args.Robots).Select(_ => new LatencyRecorder()).ToArray();
        var period = TimeSpan.FromSeconds(1 / args.RateHz);
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(args.WarmupSeconds * Stopwatch.Frequency);
        var measureEnds = warmupEnds + (long)(args.Seconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, args.Robots).Select(i => Task.Run(async () =>
        {
            var recorder = recorders[i];
            var next = Stopwatch.GetTimestamp() + (long)(Random.Shared.NextDouble() * period.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                if (paced)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }

                    next += (long)(period.TotalSeconds * Stopwatch.Frequency);
                }

                var start = Stopwatch.GetTimestamp();
                if (start >= measureEnds)
                {
                    return;
                }

                var measured = start >= warmupEnds;
                try
                {
                    await call(i);
                    if (measured)
                    {
                        recorder.Add(start);
                    }
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    if (measured)
                    {
                        recorder.Error();
                    }
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var (p50, p99) = LatencyRecorder.Percentiles(recorders);
        return (recorders.Sum(r => r.Count) / args.Seconds, p50, p99, recorders.Sum(r => r.Errors));
    }
}
