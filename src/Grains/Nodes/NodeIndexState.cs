using Coordination.Placement;

namespace Coordination.Nodes;

[GenerateSerializer]
[Alias("Coordination.NodeIndexState")]
public sealed class NodeIndexState
{
    [Id(0)]
    public Dictionary<string, NodeSnapshot> Nodes { get; set; } = new(StringComparer.Ordinal);
}
