namespace Coordination.Placement.Engine;

/// <summary>
/// How one node judges one replica, given the rest of the plan: <see cref="Feasible"/> with the soft
/// <see cref="Score"/> (0..1, higher is better), or the first failing filter in <see cref="Verdict"/>.
/// </summary>
public sealed record NodeVerdict(string Node, bool Feasible, bool Assigned, string Verdict, double? Score);
