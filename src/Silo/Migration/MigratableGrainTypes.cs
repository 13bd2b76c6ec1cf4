namespace Coordination.Silo.Migration;

/// <summary>The grain interfaces whose activations are migrated (robot and mission twins by default), resolved to grain types.</summary>
public sealed class MigratableGrainTypes(IGrainFactory grains, IReadOnlyList<Type> interfaces)
{
    private HashSet<GrainType>? _types;
    private GrainType? _robot;

    /// <summary>The robot twin grain type (zone homing applies to it).</summary>
    public GrainType Robot => _robot ??= grains.GetGrain<Coordination.Fleet.IRobotGrain>("_").GetGrainId().Type;

    public bool Contains(GrainType type) => (_types ??= Resolve()).Contains(type);

    private HashSet<GrainType> Resolve()
    {
        var types = new HashSet<GrainType>();
        foreach (var type in interfaces)
        {
            var reference = typeof(IGrainWithStringKey).IsAssignableFrom(type)
                ? grains.GetGrain(type, "_")
                : typeof(IGrainWithGuidKey).IsAssignableFrom(type)
                    ? grains.GetGrain(type, Guid.Empty)
                    : grains.GetGrain(type, 0L);
            types.Add(reference.GetGrainId().Type);
        }

        return types;
    }
}
