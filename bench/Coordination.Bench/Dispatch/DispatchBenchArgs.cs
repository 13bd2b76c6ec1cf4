namespace Coordination.Bench.Dispatch;

/// <summary>Arguments of <c>coord bench dispatch</c>.</summary>
/// <param name="Robots">Robots to generate.</param>
/// <param name="Tasks">Tasks to generate.</param>
/// <param name="MapPath">A MovingAI map; without it, a 256x256 grid with about 10% random obstacles.</param>
/// <param name="Seed">Seed of the generated instance (and map).</param>
/// <param name="JsonPath">Where to write the figures as JSON.</param>
/// <param name="Runs">Timed runs of each solver; the median is reported.</param>
public sealed record DispatchBenchArgs(int Robots, int Tasks, string? MapPath = null, int Seed = 1, string? JsonPath = null, int Runs = 3)
{
    /// <summary>Where to write the generated problem as input JSON for <c>coord dispatch solve</c>.</summary>
    public string? InputPath { get; init; }
}
