using Microsoft.Extensions.Logging;

namespace Coordination.World;

public sealed partial class WorldModelGrain
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "World {WorldId}: map {MapName} ({Width}x{Height}) uploaded as version {MapVersion}, {Regions} region(s)")]
    private static partial void LogMapUploaded(ILogger logger, string worldId, string mapName, int width, int height, long mapVersion, int regions);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "World {WorldId}: {Count} robot position(s) received before any map was uploaded; dropped")]
    private static partial void LogPositionsWithoutMap(ILogger logger, string worldId, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "World {WorldId}: {Count} robot position(s) without a robot id or outside the map; dropped")]
    private static partial void LogPositionsDropped(ILogger logger, string worldId, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "World {WorldId}: obstacle at ({X},{Y}) from {Source}, ttl {Ttl}")]
    private static partial void LogObstacleAdded(ILogger logger, string worldId, int x, int y, string source, TimeSpan? ttl);
}
