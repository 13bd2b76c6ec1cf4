namespace Coordination.Missions;

[GenerateSerializer]
[Alias("Coordination.MissionIndexState")]
public sealed class MissionIndexState
{
    [Id(0)]
    public Dictionary<string, MissionSummary> Missions { get; set; } = new(StringComparer.Ordinal);
}
