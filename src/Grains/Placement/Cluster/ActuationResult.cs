namespace Coordination.Placement;

/// <summary>The outcome of one actuation, with what the cluster said.</summary>
public sealed record ActuationResult(ActuationOutcome Outcome, string? Detail = null)
{
    public static ActuationResult Done { get; } = new(ActuationOutcome.Done);

    public static ActuationResult DryRun(string detail) => new(ActuationOutcome.DryRun, detail);

    public static ActuationResult Retry(string detail) => new(ActuationOutcome.Retry, detail);

    public static ActuationResult Failed(string detail) => new(ActuationOutcome.Failed, detail);

    /// <summary>Whether the change happened (or would have, in dry-run).</summary>
    public bool Applied => Outcome is ActuationOutcome.Done or ActuationOutcome.DryRun;
}
