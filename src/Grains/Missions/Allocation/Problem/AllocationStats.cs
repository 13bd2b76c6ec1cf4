namespace Coordination.Missions.Allocation;

/// <summary>Where the time went.</summary>
/// <param name="CostedPairs">
/// Robot-task pairs whose travel cost was computed. With a map the distance searches are lazy, so this is usually far
/// fewer than the eligible pairs.
/// </param>
/// <param name="SetupTime">Eligibility, connected components, and the eager distance searches if any.</param>
/// <param name="MatchTime">The assignment, including the lazy distance searches it drives.</param>
public sealed record AllocationStats(int CostedPairs, TimeSpan SetupTime, TimeSpan MatchTime);
