namespace Coordination.Planning.Mapf.Solving;

/// <summary>Which search <see cref="MapfPlanner"/> runs. Everything but <see cref="LaCamStar"/> is a baseline for benchmarks.</summary>
public enum MapfAlgorithm
{
    /// <summary>
    /// The engine: LaCAM* over PIBT with the swap technique and guide paths, then (with <see cref="MapfRequest.Refine"/>)
    /// anytime improvement until the deadline. Complete.
    /// </summary>
    LaCamStar,

    /// <summary>
    /// Baseline: LaCAM over plain PIBT (no swap, no guide paths), first solution only. Complete, but weaker in narrow
    /// passages.
    /// </summary>
    LaCam,

    /// <summary>
    /// Baseline: plain one-shot PIBT, one configuration after the other, no search. Incomplete: it can livelock, and it
    /// gives up (<see cref="MapfStatus.TimedOut"/>) after a step budget that grows with the map size.
    /// </summary>
    Pibt,
}
