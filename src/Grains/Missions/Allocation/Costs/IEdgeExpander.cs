namespace Coordination.Missions.Allocation;

/// <summary>Produces a task's edges on demand, in increasing cost, whole cost levels at a time.</summary>
internal interface IEdgeExpander
{
    /// <summary>
    /// Adds every edge of <paramref name="task"/> with the next cost level (<c>Known + 1</c>), possibly more levels, and raises
    /// <see cref="TaskEdges.Known"/>, or marks the task complete. Returns false when it already was complete.
    /// </summary>
    bool Expand(int task, TaskEdges edges);

    /// <summary>The robots <paramref name="task"/> has an edge to, known or not yet costed (eligible and reachable).</summary>
    IReadOnlyList<int> Candidates(int task);
}
