using Coordination.Client.Connection;

namespace Coordination.Bench.Telemetry;

/// <summary>Arguments of <c>coord bench telemetry</c>.</summary>
/// <param name="Robots">Simulated robot sessions (and callers of the raw baseline).</param>
/// <param name="RateHz">Telemetry rate of each robot in the paced phase.</param>
/// <param name="Seconds">Length of each measured phase.</param>
/// <param name="JsonPath">Where to write the figures as JSON, or <c>null</c>.</param>
/// <param name="Target">An existing cluster to drive; <c>null</c> starts a silo child process.</param>
/// <param name="SiloDll">The built Silo program to start (default: next to the running program).</param>
/// <param name="Worlds">Worlds the robots are spread over (one dispatcher and world model each).</param>
/// <param name="SpeedCellsPerSecond">How fast the simulated robots move (cell changes reach dispatcher and world model).</param>
/// <param name="WarmupSeconds">Unmeasured run before each phase.</param>
/// <param name="TieredJit">
/// Start the child silo with tiered compilation (the .NET default). Off by default: the child silo then compiles
/// fully optimized code at once (<c>DOTNET_TieredCompilation=0</c>), so a run of seconds measures the steady state a
/// long-running silo reaches through tiering; on a loaded 2-core machine tier-up otherwise takes most of the run.
/// </param>
public sealed record TelemetryBenchArgs(
    int Robots,
    double RateHz,
    double Seconds,
    string? JsonPath,
    CoordinationClientOptions? Target,
    string? SiloDll = null,
    int Worlds = 1,
    double SpeedCellsPerSecond = 1,
    double WarmupSeconds = 2,
    bool TieredJit = false)
{
    /// <summary>The first bad argument, named, or <c>null</c>.</summary>
    public string? Problem() =>
        Robots is < 1 or > 100_000 ? "--robots: must be 1 to 100000"
        : !double.IsFinite(RateHz) || RateHz <= 0 || RateHz > 1000 ? "--rate: must be above 0 and at most 1000 Hz"
        : !double.IsFinite(Seconds) || Seconds <= 0 || Seconds > 3600 ? "--seconds: must be above 0 and at most 3600"
        : Worlds is < 1 or > 10_000 ? "--worlds: must be 1 to 10000"
        : !double.IsFinite(SpeedCellsPerSecond) || SpeedCellsPerSecond < 0 ? "--speed: must be a non-negative number of cells per second"
        : !double.IsFinite(WarmupSeconds) || WarmupSeconds < 0 ? "--warmup: must be a non-negative number of seconds"
        : null;
}
