namespace Coordination.Missions;

/// <summary>What a task of a mission asks a robot to do (spelled in lower case in mission files).</summary>
[GenerateSerializer]
[Alias("Coordination.MissionTaskKind")]
public enum MissionTaskKind
{
    /// <summary>Drive to <see cref="MissionTaskSpec.Goal"/>.</summary>
    Goto = 0,

    /// <summary>Drive to <see cref="MissionTaskSpec.Pickup"/>, then to <see cref="MissionTaskSpec.Dropoff"/>.</summary>
    Delivery = 1,

    /// <summary>Visit <see cref="MissionTaskSpec.Places"/> in order, <see cref="MissionTaskSpec.Rounds"/> times.</summary>
    Patrol = 2,

    /// <summary>Drive to <see cref="MissionTaskSpec.Station"/> (or the nearest charger) and charge.</summary>
    Charge = 3,

    /// <summary>Run <see cref="MissionTaskSpec.Steps"/> one after the other (each step may go to a different robot).</summary>
    Compose = 4,
}
