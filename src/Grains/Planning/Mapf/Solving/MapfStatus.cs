namespace Coordination.Planning.Mapf.Solving;

public enum MapfStatus
{
    /// <summary>A valid plan was found (possibly improved until the deadline).</summary>
    Solved,

    /// <summary>The deadline passed (or the call was cancelled) before any plan was found.</summary>
    TimedOut,

    /// <summary>The search proved that no plan exists (e.g. a goal is unreachable from the agent's start).</summary>
    Unsolvable,

    /// <summary>The engine produced a plan that failed validation; it is not returned. This is a bug.</summary>
    InvalidPlan,
}
