namespace Coordination.Client.Fleet;

/// <summary>How a <see cref="RobotSession"/> keeps its command subscription alive and how long a call may take.</summary>
public sealed class RobotSessionOptions
{
    /// <summary>Renew the command subscription this often (and at least three times per lease the twin grants).</summary>
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between attempts while the cluster cannot be reached.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A call that has not answered within this time counts as the cluster being unreachable.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Commands buffered for the robot software before the oldest is dropped.</summary>
    public int CommandBufferCapacity { get; set; } = 1024;
}
