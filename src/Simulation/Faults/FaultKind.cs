namespace Coordination.Simulation.Faults;

public enum FaultKind
{
    /// <summary>A silo is killed abruptly (no graceful stop); a fresh one joins a few seconds later.</summary>
    KillSilo,

    /// <summary>A Jetson node stops reporting and turns NotReady.</summary>
    FailNode,

    /// <summary>A robot stops reporting for a while, then comes back.</summary>
    DropRobot,
}
