using Coordination.Placement;
using Microsoft.Extensions.Logging;

namespace Coordination.Nodes;

public sealed partial class ComputeNodeGrain
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Node {NodeName} registered: profile {ProfileId}, zone {Zone}")]
    private static partial void LogRegistered(ILogger logger, string nodeName, string profileId, string zone);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Node {NodeName}: {From} -> {To} ({Reason})")]
    private static partial void LogHealth(ILogger logger, string nodeName, NodeHealth from, NodeHealth to, string reason);
}
