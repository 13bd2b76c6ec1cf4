using Microsoft.Extensions.Logging;

namespace Coordination.Fleet;

public sealed partial class GrainFleetPublisher
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Robot twins cannot reach {Target}: {Problem} (reported once)")]
    private static partial void LogNoImplementation(ILogger logger, string target, string problem);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "A fleet batch to {Target} failed: {Problem}")]
    private static partial void LogSendFailed(ILogger logger, string target, string problem);
}
