namespace Coordination.Placement;

/// <summary>Well-known keys of the node index grain.</summary>
public static class NodeIndex
{
    public const string Key = "nodes";

    /// <summary>The label that carries a node's zone in <see cref="NodeSnapshot.Labels"/>.</summary>
    public const string ZoneLabel = "zone";
}
