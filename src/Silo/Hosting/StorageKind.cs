namespace Coordination.Silo.Hosting;

public enum StorageKind
{
    /// <summary>In-memory grain state (lost with the silo; the embedded default).</summary>
    Memory,

    /// <summary>Grain state in Redis, serialized with MessagePack.</summary>
    Redis,
}
