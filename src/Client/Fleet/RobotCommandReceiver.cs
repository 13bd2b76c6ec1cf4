using Coordination.Fleet;

namespace Coordination.Client.Fleet;

/// <summary>The session's observer object: the twin's commands arrive here (the session keeps it alive).</summary>
internal sealed class RobotCommandReceiver(Action<RobotCommand> deliver) : IRobotCommandObserver
{
    public Task OnCommand(RobotCommand command)
    {
        deliver(command);
        return Task.CompletedTask;
    }
}
