namespace Coordination.Placement;

/// <summary>What the placement grain persists: the autoscaling policies set through it.</summary>
[GenerateSerializer]
[Alias("Coordination.PlacementGrainState")]
public sealed class PlacementGrainState
{
    [Id(0)]
    public List<StoredAutoscalingPolicy> Autoscaling { get; set; } = [];
}
