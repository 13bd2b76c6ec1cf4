namespace Coordination.Planning.Mapf.Validation;

/// <summary>One problem found in a plan; <see cref="OtherAgent"/> is -1 when only one agent is involved.</summary>
public sealed record PlanViolation(PlanViolationKind Kind, int Agent, int OtherAgent, int Time, string Message)
{
    public override string ToString() => Message;
}
