using System.Collections.Concurrent;

namespace Coordination.Fleet;

/// <summary>
/// A silo-local memory of robot zones (robot id → zone), learnt from registrations and from calls that carried a zone,
/// so a twin re-activated by a call without one (the dispatcher, a silo failure) still goes to its zone when this
/// silo has seen the robot. Bounded: beyond <see cref="Capacity"/> entries it starts over.
/// </summary>
public sealed class RobotZoneDirectory
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, string> _zones = new(StringComparer.Ordinal);

    public void Remember(string robotId, string zone)
    {
        if (string.IsNullOrEmpty(robotId) || string.IsNullOrEmpty(zone))
        {
            return;
        }

        if (_zones.Count >= Capacity)
        {
            _zones.Clear();
        }

        _zones[robotId] = zone;
    }

    public string? Find(string robotId) => _zones.TryGetValue(robotId, out var zone) ? zone : null;
}
