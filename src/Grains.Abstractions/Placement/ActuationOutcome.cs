namespace Coordination.Placement;

/// <summary>What became of a decision once the actuator tried it.</summary>
[GenerateSerializer]
[Alias("Coordination.ActuationOutcome")]
public enum ActuationOutcome
{
    /// <summary>Applied.</summary>
    Done = 0,

    /// <summary>Dry-run: only logged and reported.</summary>
    DryRun = 1,

    /// <summary>Refused for now (PodDisruptionBudget, conflict, timeout, throttling): retried later, never forced.</summary>
    Retry = 2,

    /// <summary>Refused for good (forbidden, not found, invalid); reported.</summary>
    Failed = 3,

    /// <summary>Not attempted (no actuation, e.g. an unscheduled replica).</summary>
    None = 4,
}
