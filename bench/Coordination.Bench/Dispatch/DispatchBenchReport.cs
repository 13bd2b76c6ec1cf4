using System.Text.Json.Serialization;

namespace Coordination.Bench.Dispatch;

/// <summary>The figures <c>coord bench dispatch --json</c> writes.</summary>
public sealed record DispatchBenchReport(
    [property: JsonPropertyName("robots")] int Robots,
    [property: JsonPropertyName("tasks")] int Tasks,
    [property: JsonPropertyName("optimalMs")] double OptimalMs,
    [property: JsonPropertyName("greedyMs")] double GreedyMs,
    [property: JsonPropertyName("optimalCost")] long OptimalCost,
    [property: JsonPropertyName("greedyCost")] long GreedyCost,
    [property: JsonPropertyName("assignedOptimal")] int AssignedOptimal,
    [property: JsonPropertyName("assignedGreedy")] int AssignedGreedy);
