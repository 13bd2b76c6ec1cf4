namespace Coordination.Planning.Mapf.Solving;

/// <summary>A LaCAM high-level search node: one configuration (a cell per agent) and its lazy constraint tree.</summary>
internal sealed class HighLevelNode(int[] config, float[] priorities, int[] order, HighLevelNode? parent, int g, int h, ulong hash)
{
    public int[] Config { get; } = config;

    /// <summary>PIBT priorities inherited along the search path (higher goes first).</summary>
    public float[] Priorities { get; } = priorities;

    /// <summary>Agents sorted by decreasing priority: the order of PIBT and of the constraint tree's levels.</summary>
    public int[] Order { get; } = order;

    public ulong Hash { get; } = hash;

    public HighLevelNode? Parent { get; set; } = parent;

    /// <summary>Cost from the initial configuration along <see cref="Parent"/> (improved by rewiring).</summary>
    public int G { get; set; } = g;

    /// <summary>Sum of the agents' distances to their goals (admissible); zero exactly at a goal configuration.</summary>
    public int H { get; } = h;

    public int F => G + H;

    /// <summary>Configurations generated from this one (known or new) with the edge cost, for LaCAM*'s cost propagation.</summary>
    public List<(HighLevelNode Node, int Cost)> Neighbours { get; } = [];

    /// <summary>Head and tail of this node's breadth-first queue of low-level (constraint) nodes; -1 when empty.</summary>
    public int LowHead { get; set; }

    public int LowTail { get; set; }

    /// <summary>Next node with the same hash bucket in <see cref="ConfigurationTable"/>.</summary>
    public HighLevelNode? NextInBucket { get; set; }
}
