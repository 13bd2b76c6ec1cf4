namespace Coordination.Missions;

/// <summary>Settings of missions and dispatch (configuration section <c>Coordination:Missions</c>).</summary>
public sealed class MissionsOptions
{
    public const string SectionName = "Coordination:Missions";

    /// <summary>Debounce of allocation rounds: events within this window share one round.</summary>
    public TimeSpan RoundDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Battery a robot must keep after a task (the allocation contract's <c>reserveBatteryPercent</c>).</summary>
    public double ReserveBatteryPercent { get; set; } = 20;

    /// <summary>An idle robot below this battery gets a <c>charge</c> task before anything else.</summary>
    public double ChargeBelowPercent { get; set; } = 30;

    /// <summary>Battery a task's route uses per cell (its <c>energyPercent</c> is route length times this).</summary>
    public double EnergyPerCellPercent { get; set; } = 0.05;

    /// <summary>Nominal robot speed for duration estimates, in cells per second.</summary>
    public double NominalSpeedCellsPerSecond { get; set; } = 1.0;

    /// <summary>How long a task may wait while no registered robot has its capabilities before its mission fails.</summary>
    public TimeSpan NoCapableRobotGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often missions and dispatchers check each other (lost messages, robots that dropped a task).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a dispatcher asks the mission index to wake every unfinished mission of its world.</summary>
    public TimeSpan WorldReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Size of the open grid used for a world no map was registered for.</summary>
    public int DefaultMapWidth { get; set; } = 64;

    public int DefaultMapHeight { get; set; } = 64;

    public int MaxTasksPerMission { get; set; } = 256;

    /// <summary>Most waypoints one task may have (a patrol counts places times rounds).</summary>
    public int MaxWaypointsPerTask { get; set; } = 1024;

    /// <summary>Finished missions the index keeps (all unfinished ones are kept).</summary>
    public int IndexRecentLimit { get; set; } = 1000;

    /// <summary>History events a mission keeps (the oldest are dropped beyond this).</summary>
    public int MaxHistoryEvents { get; set; } = 2000;

    /// <summary>Distance fields kept per silo (one per target cell per map).</summary>
    public int DistanceFieldCacheCapacity { get; set; } = 4096;
}
