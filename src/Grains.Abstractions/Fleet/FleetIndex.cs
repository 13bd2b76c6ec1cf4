namespace Coordination.Fleet;

/// <summary>Well-known keys of the fleet index grain.</summary>
public static class FleetIndex
{
    public const string Key = "fleet";
}
