namespace Coordination.Placement;

/// <summary>A node as the placement grain last saw it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.PlacementNodeStatus")]
public sealed record PlacementNodeStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] NodeHealth Health,
    [property: Id(2)] bool Ready,
    [property: Id(3)] bool Cordoned,
    [property: Id(4)] int Pods,
    [property: Id(5)] long GpuMemoryRequestedMiB,
    [property: Id(6)] long GpuMemoryAllocatableMiB,
    [property: Id(7)] double? TemperatureC,
    [property: Id(8)] double? PowerWatts,
    [property: Id(9)] double? PowerBudgetWatts);
