namespace Coordination.Silo.Kubernetes;

public sealed partial class KubernetesActuator
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Dry-run: {Detail}")]
    private static partial void LogDryRun(ILogger logger, string detail);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Kubernetes {What}: attempt {Attempt} failed ({Detail}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string what, int attempt, string detail, double delayMs);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Kubernetes {What} failed after {Attempts} attempt(s): {Detail}")]
    private static partial void LogCallFailed(ILogger logger, string what, int attempts, string detail);
}
