namespace Coordination.Missions.Allocation;

/// <summary>Arguments of <c>coord dispatch solve</c>.</summary>
/// <param name="InputPath">The problem JSON (robots, tasks, reserveBatteryPercent).</param>
/// <param name="MapPath">A MovingAI <c>.map</c>; without it, Manhattan distance on an open grid.</param>
/// <param name="OutPath">Where to write the result JSON; stdout when absent.</param>
public sealed record DispatchSolveArgs(string InputPath, string? MapPath = null, string? OutPath = null);
