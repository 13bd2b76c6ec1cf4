using Microsoft.Extensions.Logging;

namespace Coordination.Missions;

public sealed partial class MissionGrain
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Mission {MissionId} accepted in world {WorldId}: {Tasks} task(s), priority {Priority}")]
    private static partial void LogSubmitted(ILogger logger, string missionId, string worldId, int tasks, int priority);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Mission {MissionId} {Status}: {Reason}")]
    private static partial void LogFinished(ILogger logger, string missionId, MissionStatus status, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Mission {MissionId}: report about unknown task {TaskId} from robot {RobotId} ignored")]
    private static partial void LogUnknownTask(ILogger logger, string missionId, string taskId, string robotId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Mission {MissionId}: robot {RobotId} no longer holds task {TaskId}; queued again")]
    private static partial void LogRevoked(ILogger logger, string missionId, string taskId, string robotId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Mission {MissionId}: could not ask robot {RobotId} about task {TaskId}: {Problem}")]
    private static partial void LogRobotUnreachable(ILogger logger, string missionId, string taskId, string robotId, string problem);
}
