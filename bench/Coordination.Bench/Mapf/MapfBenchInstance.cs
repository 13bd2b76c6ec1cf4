namespace Coordination.Bench.Mapf;

/// <summary>One benchmark instance: map name, scenario number, agent count and (for <c>--lacam3</c>) the published figures.</summary>
public sealed record MapfBenchInstance(string Map, int Scenario, int Agents, double? ReferenceMs = null, double? ReferenceRatio = null)
{
    public bool IsLarge => !Map.Contains("-32-32", StringComparison.Ordinal);
}
