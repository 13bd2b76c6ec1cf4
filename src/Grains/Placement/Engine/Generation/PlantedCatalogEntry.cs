namespace Coordination.Placement.Engine;

/// <summary>A workload shape of <see cref="PlantedInstanceGenerator"/> and the nodes its planted replicas went to.</summary>
internal sealed class PlantedCatalogEntry
{
    public long Gpu { get; init; }

    public long Cpu { get; init; }

    public long Mem { get; init; }

    /// <summary>Tier the workload selects, -1 for none.</summary>
    public int Tier { get; init; }

    public bool Tolerates { get; init; }

    public double? MaxTemperature { get; init; }

    public bool SelfAnti { get; init; }

    public int Priority { get; init; }

    public List<int> Nodes { get; } = [];
}
