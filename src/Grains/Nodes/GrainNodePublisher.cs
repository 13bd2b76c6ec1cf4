using Coordination.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Nodes;

/// <summary>The default <see cref="INodePublisher"/>: <c>IPlacementGrain(key).NodeUpdated</c> and the node index, both one-way.</summary>
public sealed partial class GrainNodePublisher(IGrainFactory grains, IOptions<NodeOptions> options, ILogger<GrainNodePublisher> logger) : INodePublisher
{
    private int _placementMissing;

    public void NodeUpdated(NodeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            _ = grains.GetGrain<IPlacementGrain>(options.Value.PlacementKey).NodeUpdated(snapshot);
        }
        catch (ArgumentException e)
        {
            if (Interlocked.Exchange(ref _placementMissing, 1) == 0)
            {
                LogNoPlacement(logger, e.Message);
            }
        }

        _ = grains.GetGrain<INodeIndexGrain>(NodeIndex.Key).Upsert(snapshot);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Compute-node twins cannot reach the placement grain: {Problem} (reported once)")]
    private static partial void LogNoPlacement(ILogger logger, string problem);
}
