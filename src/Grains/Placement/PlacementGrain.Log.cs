using Microsoft.Extensions.Logging;

namespace Coordination.Placement;

public sealed partial class PlacementGrain
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Placement grain {Cluster} active with actuator {Actuator} on silo {Silo}")]
    private static partial void LogActivated(ILogger logger, string cluster, string actuator, string silo);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Placement decision {Kind} {Target} node {Node}: {Reason} -> {Outcome} {Detail}")]
    private static partial void LogDecision(ILogger logger, PlacementDecisionKind kind, string target, string? node, string reason, ActuationOutcome outcome, string? detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Placement decision {Kind} {Target} node {Node} failed: {Reason}: {Detail}")]
    private static partial void LogDecisionFailed(ILogger logger, PlacementDecisionKind kind, string target, string? node, string reason, string? detail);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Placement round failed: {Error}")]
    private static partial void LogRoundFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Placement round requested: {Reason}")]
    private static partial void LogRequested(ILogger logger, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Placement grain leaves silo {Silo} (no scheduler role) for a scheduler silo")]
    private static partial void LogMovingToScheduler(ILogger logger, string silo);
}
