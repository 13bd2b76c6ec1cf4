namespace Coordination.Silo.Health;

/// <summary>
/// Tracks the silo's life for the probes: started once the silo is active; not ready from the moment a stop
/// begins (so Kubernetes stops routing clients here while activations drain).
/// </summary>
public sealed class SiloHealth : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _started;
    private volatile bool _stopping;

    public bool Started => _started;

    public bool Stopping => _stopping;

    public bool Ready => _started && !_stopping;

    public void MarkStopping() => _stopping = true;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(SiloHealth),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _started = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                _stopping = true;
                return Task.CompletedTask;
            });
    }
}
