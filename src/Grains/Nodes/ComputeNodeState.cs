using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>The durable facts of a compute-node twin (the live sample is memory only).</summary>
[GenerateSerializer]
[Alias("Coordination.ComputeNodeState")]
public sealed class ComputeNodeState
{
    [Id(0)]
    public ComputeNodeRegistration? Registration { get; set; }

    [Id(1)]
    public DateTimeOffset RegisteredAt { get; set; }

    [Id(2)]
    public NodeHealth Health { get; set; } = NodeHealth.Unknown;

    [Id(3)]
    public string HealthReason { get; set; } = "no report yet";
}
