namespace Coordination.Simulation.Faults;

/// <summary>One injected fault: when, what, and the index of its target (silo, node or robot), fixed by the seed.</summary>
public sealed record PlannedFault(double AtSeconds, FaultKind Kind, int Target);
