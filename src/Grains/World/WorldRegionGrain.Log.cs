using Microsoft.Extensions.Logging;

namespace Coordination.World;

public sealed partial class WorldRegionGrain
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Region {Region}: {Count} obstacle(s) expired")]
    private static partial void LogObstaclesExpired(ILogger logger, string region, int count);
}
