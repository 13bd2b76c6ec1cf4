namespace Coordination.Planning;

/// <summary>Settings of the cooperative planner (configuration section <see cref="Section"/>).</summary>
public sealed class PlanningOptions
{
    public const string Section = "Coordination:Planning";

    /// <summary>The duration of one plan step (steps are counted from the Unix epoch).</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Goal changes, obstacles and delays arriving within this window are planned for together.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The deadline handed to the MAPF engine for one solve.</summary>
    public TimeSpan SolveDeadline { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Extra time, beyond the solve deadline, before a new plan starts (delivery to the robots).</summary>
    public TimeSpan StartMargin { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A robot this many steps behind its plan (or further, or off it) triggers a re-plan.</summary>
    public int BehindTolerance { get; set; } = 1;

    /// <summary>After a solve that found no plan, the next attempt waits this long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Let the engine improve its first solution until the deadline.</summary>
    public bool Refine { get; set; } = true;

    /// <summary>The lease of the planner's subscription to its world's change feed (renewed at a third of it).</summary>
    public TimeSpan WorldLease { get; set; } = TimeSpan.FromMinutes(2);
}
