namespace Coordination.Placement;

/// <summary>A PodDisruptionBudget of <see cref="InMemoryClusterActuator"/>: at most <see cref="MaxUnavailable"/> matching pods unavailable.</summary>
public sealed record InMemoryDisruptionBudget(string Namespace, IReadOnlyDictionary<string, string> Selector, int MaxUnavailable);
