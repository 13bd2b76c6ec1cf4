namespace Coordination.Planning.Mapf.Solving;

/// <summary>What <see cref="LaCamSearch.Run"/> found: configuration sequences of the first and the best solution.</summary>
internal sealed record LaCamOutcome(
    List<int[]>? First,
    TimeSpan? FirstTime,
    List<int[]>? Best,
    bool Exhausted,
    long Nodes);
