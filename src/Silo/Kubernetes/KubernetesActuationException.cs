namespace Coordination.Silo.Kubernetes;

/// <summary>The Kubernetes API could not be read (after retries); the message says which call and why.</summary>
public sealed class KubernetesActuationException : Exception
{
    public KubernetesActuationException()
    {
    }

    public KubernetesActuationException(string message)
        : base(message)
    {
    }

    public KubernetesActuationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
