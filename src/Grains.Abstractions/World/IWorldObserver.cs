namespace Coordination.World;

/// <summary>Receives a world's change feed (clients through an object reference; grains through <c>AsReference</c>).</summary>
[Alias("Coordination.IWorldObserver")]
public interface IWorldObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnWorldChanges")]
    Task OnWorldChanges(WorldChangeBatch batch);
}
