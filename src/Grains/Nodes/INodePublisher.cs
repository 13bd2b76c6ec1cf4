using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>
/// Port: where a compute-node twin's snapshots go. The default (<see cref="GrainNodePublisher"/>) calls the placement
/// grain (one-way) and the node index; tests wrap it to observe what the twins announce.
/// </summary>
public interface INodePublisher
{
    void NodeUpdated(NodeSnapshot snapshot);
}
