using Coordination.Hosting;

namespace Coordination.Fleet;

/// <summary>
/// Keeps one summary per robot so fleet listings never activate every twin. Changes arrive batched per silo; the
/// state is written behind, at most once per <see cref="FleetOptions.IndexCheckpointInterval"/> (and on deactivation).
/// </summary>
public sealed class FleetIndexGrain(
    [PersistentState("fleet-index", CoordinationStorage.Name)] IPersistentState<FleetIndexState> state,
    Microsoft.Extensions.Options.IOptions<FleetOptions> options) : Grain, IFleetIndexGrain
{
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.IndexCheckpointInterval;
        this.RegisterGrainTimer(WriteIfDirty, new GrainTimerCreationOptions(interval, interval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteIfDirty(cancellationToken);

    public Task Upsert(RobotSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Apply(summary);
        return Task.CompletedTask;
    }

    public Task UpsertMany(IReadOnlyList<RobotSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        foreach (var summary in summaries)
        {
            if (summary is not null)
            {
                Apply(summary);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RobotSummary>> List(string? status = null, string? capability = null, string? zone = null)
    {
        IReadOnlyList<RobotSummary> rows = state.State.Robots.Values
            .Where(r => string.IsNullOrEmpty(status) || string.Equals(r.Status.ToString(), status, StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrEmpty(capability) || r.Capabilities.Contains(capability, StringComparer.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrEmpty(zone) || string.Equals(r.Zone, zone, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.RobotId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(rows);
    }

    public Task<int> Count() => Task.FromResult(state.State.Robots.Count);

    private void Apply(RobotSummary summary)
    {
        if (state.State.Robots.TryGetValue(summary.RobotId, out var known) && known.UpdatedAt > summary.UpdatedAt)
        {
            return;
        }

        state.State.Robots[summary.RobotId] = summary;
        _dirty = true;
    }

    private async Task WriteIfDirty(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
