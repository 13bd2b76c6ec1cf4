namespace Coordination.Client.Fleet;

/// <summary>A <see cref="RobotSession"/> changed state; <see cref="Error"/> says why it became unreachable.</summary>
public sealed class RobotSessionStateChangedEventArgs(RobotSessionState previous, RobotSessionState state, Exception? error) : EventArgs
{
    public RobotSessionState Previous { get; } = previous;

    public RobotSessionState State { get; } = state;

    public Exception? Error { get; } = error;
}
