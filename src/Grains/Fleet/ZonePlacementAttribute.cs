using Orleans.Placement;

namespace Coordination.Fleet;

/// <summary>Places the grain with <see cref="ZonePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ZonePlacementAttribute : PlacementAttribute
{
    public ZonePlacementAttribute()
        : base(ZonePlacement.Instance)
    {
    }
}
