namespace Coordination.Silo.Hosting;

public enum ClusteringKind
{
    /// <summary>Single machine, no external service (the embedded default).</summary>
    Localhost,

    /// <summary>Membership in Redis (production).</summary>
    Redis,
}
