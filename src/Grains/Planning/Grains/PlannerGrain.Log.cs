using Microsoft.Extensions.Logging;

namespace Coordination.Planning;

public sealed partial class PlannerGrain
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "World {WorldId}: plan {PlanId} for {Robots} robot(s) from step {StartStep}, sum of costs {SumOfCosts} ({Reasons})")]
    private static partial void LogPlanned(ILogger logger, string worldId, long planId, int robots, long startStep, int sumOfCosts, string reasons);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "World {WorldId}: no plan ({Status}: {Detail}) for {Robots} robot(s); they were told to stay")]
    private static partial void LogNoPlan(ILogger logger, string worldId, string status, string detail, int robots);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "World {WorldId}: a plan failed validation and was not handed out: {Violation}")]
    private static partial void LogInvalidPlan(ILogger logger, string worldId, string violation);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "World {WorldId}: could not deliver a path to robot {RobotId}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string worldId, string robotId);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "World {WorldId}: robot {RobotId} at ({X},{Y}) at step {Step} is off its plan; re-planning")]
    private static partial void LogRobotOffPlan(ILogger logger, string worldId, string robotId, int x, int y, long step);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "World {WorldId}: obstacle at ({X},{Y}) on a planned path; re-planning")]
    private static partial void LogObstacleOnPath(ILogger logger, string worldId, int x, int y);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "World {WorldId}: the solve failed")]
    private static partial void LogSolveCrashed(ILogger logger, Exception exception, string worldId);
}
