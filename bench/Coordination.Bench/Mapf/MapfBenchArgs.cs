namespace Coordination.Bench.Mapf;

/// <summary>Options of <c>coord bench mapf</c>.</summary>
/// <param name="DataDir">Folder with the MovingAI <c>.map</c> and <c>-random-N.scen</c> files.</param>
/// <param name="Maps">Map names to run (all when null).</param>
/// <param name="Lacam3">Run the six LaCAM3 reference instances instead and compare with the published figures.</param>
/// <param name="FirstOnly">Stop LaCAM* at its first solution (no refinement): quick first-solution measurements.</param>
public sealed record MapfBenchArgs(
    string DataDir,
    double TimeLimitSeconds = 10,
    int FirstScenario = 1,
    int LastScenario = 5,
    IReadOnlyList<string>? Maps = null,
    string? JsonPath = null,
    bool Lacam3 = false,
    ulong Seed = 0,
    bool FirstOnly = false);
