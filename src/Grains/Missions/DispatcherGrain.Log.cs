using Microsoft.Extensions.Logging;

namespace Coordination.Missions;

public sealed partial class DispatcherGrain
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Dispatcher {WorldId}: round {Round} with {Tickets} ready task(s), {Robots} free robot(s): {Assigned} assigned, total travel {TotalCost}")]
    private static partial void LogRound(ILogger logger, string worldId, long round, int tickets, int robots, int assigned, long totalCost);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Dispatcher {WorldId}: task {TaskId} to robot {RobotId} ({Travel} cells away)")]
    private static partial void LogAssigned(ILogger logger, string worldId, string taskId, string robotId, int travel);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Dispatcher {WorldId}: robot {RobotId} refused task {TaskId}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string worldId, string taskId, string robotId, string problem);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Dispatcher {WorldId}: task {TaskId} back in the queue from robot {RobotId}: {Reason}")]
    private static partial void LogRequeued(ILogger logger, string worldId, string taskId, string robotId, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Dispatcher {WorldId}: the mission took task {TaskId} back from robot {RobotId}")]
    private static partial void LogRevoked(ILogger logger, string worldId, string taskId, string robotId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Dispatcher {WorldId}: robot {RobotId} holds task {TaskId}; adopted it")]
    private static partial void LogAdopted(ILogger logger, string worldId, string taskId, string robotId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Dispatcher {WorldId}: robot {RobotId} is low; charge mission {MissionId}")]
    private static partial void LogCharge(ILogger logger, string worldId, string robotId, string missionId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Dispatcher {WorldId}: charge for {Subject} failed: {Problem}")]
    private static partial void LogChargeFailed(ILogger logger, string worldId, string subject, string problem);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Dispatcher {WorldId}: could not reach robot {RobotId} about {TaskId}: {Problem}")]
    private static partial void LogStopFailed(ILogger logger, string worldId, string taskId, string robotId, string problem);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning, Message = "Dispatcher {WorldId}: task {TaskId} cannot run: {Reason}")]
    private static partial void LogUncoverable(ILogger logger, string worldId, string taskId, string reason);
}
