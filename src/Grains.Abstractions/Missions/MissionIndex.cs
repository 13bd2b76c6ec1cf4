namespace Coordination.Missions;

/// <summary>Well-known key of the mission index grain.</summary>
public static class MissionIndex
{
    public const string Key = "missions";
}
