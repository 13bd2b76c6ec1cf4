namespace Coordination.Fleet;

/// <summary>Receives a robot twin's commands (implemented by <c>RobotSession</c> on the robot side).</summary>
[Alias("Coordination.IRobotCommandObserver")]
public interface IRobotCommandObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnCommand")]
    Task OnCommand(RobotCommand command);
}
