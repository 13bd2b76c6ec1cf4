namespace Coordination.Client.Connection;

/// <summary>No silo answered within the connect timeout; the message says where the client looked.</summary>
public sealed class ClusterUnreachableException : Exception
{
    public ClusterUnreachableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public ClusterUnreachableException()
    {
    }

    public ClusterUnreachableException(string message)
        : base(message)
    {
    }
}
