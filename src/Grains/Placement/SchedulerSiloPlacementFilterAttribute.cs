using Orleans.Placement;

namespace Coordination.Placement;

/// <summary>Places the grain on a silo with the <c>scheduler</c> role when there is one (see <see cref="SchedulerSiloPlacementFilterStrategy"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SchedulerSiloPlacementFilterAttribute : PlacementFilterAttribute
{
    public SchedulerSiloPlacementFilterAttribute()
        : base(new SchedulerSiloPlacementFilterStrategy())
    {
    }
}
