namespace Coordination.Fleet;

[GenerateSerializer]
[Alias("Coordination.FleetIndexState")]
public sealed class FleetIndexState
{
    [Id(0)]
    public Dictionary<string, RobotSummary> Robots { get; set; } = new(StringComparer.Ordinal);
}
