using Coordination.Hosting;
using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>The latest snapshot of every compute node; written behind (at most every few seconds).</summary>
public sealed class NodeIndexGrain(
    [PersistentState("node-index", CoordinationStorage.Name)] IPersistentState<NodeIndexState> state) : Grain, INodeIndexGrain
{
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(5);

    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(WriteIfDirty, new GrainTimerCreationOptions(CheckpointInterval, CheckpointInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteIfDirty(cancellationToken);

    public Task Upsert(NodeSnapshot node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!state.State.Nodes.TryGetValue(node.NodeName, out var known) || known.At <= node.At)
        {
            state.State.Nodes[node.NodeName] = node;
            _dirty = true;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NodeSnapshot>> List(string? health = null, string? tier = null, string? zone = null, string? profile = null)
    {
        IReadOnlyList<NodeSnapshot> rows = state.State.Nodes.Values
            .Where(n => string.IsNullOrEmpty(health) || HealthMatches(n.Health, health))
            .Where(n => string.IsNullOrEmpty(tier) || string.Equals(n.Tier, tier, StringComparison.OrdinalIgnoreCase))
            .Where(n => string.IsNullOrEmpty(zone) || (n.Labels.TryGetValue(NodeIndex.ZoneLabel, out var z) && string.Equals(z, zone, StringComparison.OrdinalIgnoreCase)))
            .Where(n => string.IsNullOrEmpty(profile) || string.Equals(n.ProfileId, profile, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.NodeName, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(rows);
    }

    /// <summary><c>NotReady</c>, <c>notready</c> and <c>not-ready</c> all match.</summary>
    private static bool HealthMatches(NodeHealth health, string filter) =>
        string.Equals(health.ToString(), filter.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private async Task WriteIfDirty(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
