namespace Coordination.Placement;

/// <summary>One call an actuator received (kept by <see cref="InMemoryClusterActuator"/> for tests and the simulator).</summary>
public sealed record ActuatorCall(PlacementDecisionKind Kind, string Target, string? Node, ActuationOutcome Outcome, string? Detail);
