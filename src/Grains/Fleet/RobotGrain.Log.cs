using Microsoft.Extensions.Logging;

namespace Coordination.Fleet;

public sealed partial class RobotGrain
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Robot {RobotId} registered: model {Model}, world {WorldId}, zone {Zone}")]
    private static partial void LogRegistered(ILogger logger, string robotId, string model, string worldId, string zone);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Robot {RobotId}: telemetry rejected: {Problem}")]
    private static partial void LogRejected(ILogger logger, string robotId, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Robot {RobotId} is offline: silent for {Seconds:0.0} s (keeps task {TaskId})")]
    private static partial void LogOffline(ILogger logger, string robotId, double seconds, string taskId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Robot {RobotId} is back: {Status}")]
    private static partial void LogBack(ILogger logger, string robotId, RobotStatus status);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Robot {RobotId} assigned task {TaskId} of mission {MissionId}")]
    private static partial void LogAssigned(ILogger logger, string robotId, string taskId, string missionId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Robot {RobotId}: task {TaskId} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, string robotId, string taskId, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Robot {RobotId}: task {TaskId} ended: {Kind}")]
    private static partial void LogTaskEnded(ILogger logger, string robotId, string taskId, TaskProgressKind kind);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Robot {RobotId}: checkpoint at deactivation failed: {Problem}")]
    private static partial void LogCheckpointFailed(ILogger logger, string robotId, string problem);
}
