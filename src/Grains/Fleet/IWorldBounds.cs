namespace Coordination.Fleet;

/// <summary>
/// Port: the bounds of a world's map, so a twin can reject poses outside it. The default
/// (<see cref="WorldBoundsCatalog"/>) knows only the worlds registered with it and accepts any finite pose elsewhere.
/// </summary>
public interface IWorldBounds
{
    /// <summary>The world's bounds, or <c>null</c> when unknown (then every finite pose is accepted).</summary>
    WorldBounds? Find(string worldId);
}
