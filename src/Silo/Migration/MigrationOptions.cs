namespace Coordination.Silo.Migration;

/// <summary>Live migration of grain activations (configuration section <c>Coordination:Migration</c>).</summary>
public sealed class MigrationOptions
{
    public const string SectionName = "Coordination:Migration";

    /// <summary>Migrate robot and mission activations to other silos when this silo stops (SIGTERM in a pod).</summary>
    public bool DrainOnStop { get; set; } = true;

    /// <summary>How long a stopping silo waits for its activations to move (keep it under the host shutdown timeout).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Move robot twins to the silo of their robot's zone when such a silo joins (or comes back).</summary>
    public bool ZoneHoming { get; set; } = true;
}
