namespace Coordination.World;

/// <summary>Defaults of the world settings that clients see.</summary>
public static class WorldOptionsDefaults
{
    /// <summary>How long a change-feed subscription lasts unless renewed.</summary>
    public static readonly TimeSpan ObserverLease = TimeSpan.FromMinutes(2);
}
