using System.Text.Json.Serialization;

namespace Coordination.Bench.Telemetry;

/// <summary>
/// The figures of one run. <see cref="SamplesPerSecond"/>, <see cref="P50Ms"/> and <see cref="P99Ms"/> are the paced
/// phase (every robot at <see cref="RateHz"/>); <see cref="MaxSamplesPerSecond"/> is telemetry as fast as the sessions
/// can send, and <see cref="Ratio"/> compares it with <see cref="RawCallsPerSecond"/>, a trivial grain call made by the
/// same number of concurrent callers.
/// </summary>
public sealed record TelemetryBenchResult(
    [property: JsonPropertyName("robots")] int Robots,
    [property: JsonPropertyName("rateHz")] double RateHz,
    [property: JsonPropertyName("samplesPerSecond")] double SamplesPerSecond,
    [property: JsonPropertyName("p50Ms")] double P50Ms,
    [property: JsonPropertyName("p99Ms")] double P99Ms,
    [property: JsonPropertyName("rawCallsPerSecond")] double RawCallsPerSecond,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("targetSamplesPerSecond")] double TargetSamplesPerSecond,
    [property: JsonPropertyName("maxSamplesPerSecond")] double MaxSamplesPerSecond,
    [property: JsonPropertyName("maxP99Ms")] double MaxP99Ms,
    [property: JsonPropertyName("rawP99Ms")] double RawP99Ms,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("sustained")] bool Sustained);
