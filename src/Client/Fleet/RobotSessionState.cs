namespace Coordination.Client.Fleet;

/// <summary>Whether a <see cref="RobotSession"/> currently reaches its twin.</summary>
public enum RobotSessionState
{
    /// <summary>Started, no call answered yet.</summary>
    Connecting,

    /// <summary>The last call reached the cluster.</summary>
    Connected,

    /// <summary>The last call could not reach the cluster (no gateway, silo gone, timeout); the session keeps retrying.</summary>
    Unreachable,

    /// <summary>Disposed.</summary>
    Closed,
}
