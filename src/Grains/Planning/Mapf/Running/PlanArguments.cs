namespace Coordination.Planning.Mapf.Running;

/// <summary>The options of <c>coord plan</c>.</summary>
/// <param name="TimeLimitSeconds">Hard wall-clock limit after the map is loaded.</param>
/// <param name="OutPath">Where to write the JSON; null writes it to stdout.</param>
public sealed record PlanArguments(
    string MapPath,
    string ScenPath,
    int Agents,
    double TimeLimitSeconds = 10,
    string? OutPath = null,
    ulong Seed = 0);
