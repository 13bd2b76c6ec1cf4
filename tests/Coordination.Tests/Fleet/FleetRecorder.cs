using System.Collections.Concurrent;
using Coordination.Fleet;
using Coordination.Nodes;
using Coordination.Placement;
using Coordination.World;

namespace Coordination.Tests.Fleet;

/// <summary>
/// Stands in for the fleet and node publishers in the test cluster: records what the twins announce (dispatcher
/// summaries, world positions, task progress, placement snapshots) and forwards summaries and snapshots to the
/// real indexes so fleet queries work. Shared by every silo of the cluster; test keys keep tests apart.
/// </summary>
public sealed class FleetRecorder : IFleetPublisher, INodePublisher
{
    private readonly ConcurrentQueue<RobotSummary> _summaries = new();
    private readonly ConcurrentQueue<(string World, RobotPosition Position)> _positions = new();
    private readonly ConcurrentQueue<(string Robot, TaskProgress Progress)> _progress = new();
    private readonly ConcurrentQueue<NodeSnapshot> _nodes = new();

    public Func<IGrainFactory>? Grains { get; set; }

    /// <summary>Robots whose task progress the "mission" refuses (to test that a failure reaches the robot).</summary>
    public ConcurrentDictionary<string, bool> RefuseProgressOf { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RobotSummary> SummariesOf(string robotId) => _summaries.Where(s => s.RobotId == robotId).ToList();

    public IReadOnlyList<RobotPosition> PositionsOf(string robotId) => _positions.Where(p => p.Position.RobotId == robotId).Select(p => p.Position).ToList();

    public IReadOnlyList<TaskProgress> ProgressOf(string robotId) => _progress.Where(p => p.Robot == robotId).Select(p => p.Progress).ToList();

    public IReadOnlyList<NodeSnapshot> SnapshotsOf(string node) => _nodes.Where(n => n.NodeName == node).ToList();

    public void RobotUpdated(RobotSummary summary)
    {
        _summaries.Enqueue(summary);
        _ = Grains?.Invoke().GetGrain<IFleetIndexGrain>(FleetIndex.Key).UpsertMany([summary]);
    }

    public void RobotMoved(string worldId, RobotPosition position) => _positions.Enqueue((worldId, position));

    public Task TaskProgressed(string robotId, TaskProgress progress)
    {
        if (RefuseProgressOf.ContainsKey(robotId))
        {
            throw new InvalidOperationException($"mission {progress.MissionId} refuses progress of {robotId}");
        }

        _progress.Enqueue((robotId, progress));
        return Task.CompletedTask;
    }

    public void NodeUpdated(NodeSnapshot snapshot)
    {
        _nodes.Enqueue(snapshot);
        _ = Grains?.Invoke().GetGrain<INodeIndexGrain>(NodeIndex.Key).Upsert(snapshot);
    }
}
