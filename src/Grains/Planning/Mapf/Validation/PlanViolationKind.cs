namespace Coordination.Planning.Mapf.Validation;

public enum PlanViolationKind
{
    /// <summary>The number of paths differs from the number of agents.</summary>
    AgentCount,

    /// <summary>An agent has an empty path.</summary>
    EmptyPath,

    /// <summary>The first cell of a path is not the agent's start.</summary>
    WrongStart,

    /// <summary>The last cell of a path is not the agent's goal.</summary>
    WrongGoal,

    /// <summary>A path visits a cell outside the map or a blocked cell.</summary>
    BlockedCell,

    /// <summary>Two consecutive cells of a path are neither equal nor 4-connected neighbours.</summary>
    Discontinuity,

    /// <summary>Two agents occupy one cell at one timestep (agents wait on their goal after their path ends).</summary>
    VertexConflict,

    /// <summary>Two agents exchange cells between two timesteps.</summary>
    SwapConflict,
}
