namespace Coordination.Planning.Mapf.Solving;

/// <summary>
/// A node of LaCAM's constraint tree: "agent <see cref="Agent"/> goes to <see cref="Cell"/>" plus every constraint of
/// its ancestors (<see cref="Parent"/> chain). Stored in a flat pool; <see cref="Next"/> links the owner's queue.
/// </summary>
internal struct LowLevelNode
{
    public int Parent;
    public int Agent;
    public int Cell;
    public int Depth;
    public int Next;
}
