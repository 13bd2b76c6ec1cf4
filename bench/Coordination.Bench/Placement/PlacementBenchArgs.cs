namespace Coordination.Bench.Placement;

/// <summary>Arguments of <c>coord bench placement</c>.</summary>
/// <param name="Nodes">Nodes to generate (<c>--nodes</c>).</param>
/// <param name="Replicas">Replicas to plant (<c>--replicas</c>).</param>
/// <param name="Seed">Instance and search seed (<c>--seed</c>).</param>
/// <param name="JsonPath">Where to write the figures as JSON (<c>--json</c>), or <c>null</c>.</param>
public sealed record PlacementBenchArgs(int Nodes = 1000, int Replicas = 10000, int Seed = 1, string? JsonPath = null)
{
    /// <summary>Engine search budget (<c>--budget-ms</c>); the engine's default when <c>null</c>.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>Runs of each solver on the instance; the reported time is the median (<c>--repeat</c>).</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Also write the generated cluster, for <c>coord placement solve --cluster</c> (<c>--write-cluster</c>).</summary>
    public string? ClusterPath { get; init; }
}
