using Coordination.Common;
using Coordination.Hosting;
using Microsoft.Extensions.Options;

namespace Coordination.Missions;

/// <summary>
/// Summaries of every unfinished mission and the most recent finished ones. Writes are batched (at most one per
/// second); a summary lost with an activation comes back from its mission's next reconcile tick.
/// </summary>
public sealed class MissionIndexGrain(
    [PersistentState("mission-index", CoordinationStorage.Name)] IPersistentState<MissionIndexState> state,
    IOptions<MissionsOptions> options) : Grain, IMissionIndexGrain
{
    public const int MaxListLimit = 1000;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    private readonly int _recentLimit = options.Value.IndexRecentLimit;
    private IGrainTimer? _flushTimer;
    private bool _dirty;
    private bool _flushScheduled;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task Upsert(MissionSummary summary)
    {
        if (summary is null || string.IsNullOrEmpty(summary.MissionId))
        {
            return Task.CompletedTask;
        }

        var missions = state.State.Missions;
        if (missions.TryGetValue(summary.MissionId, out var known) && known.UpdatedAt > summary.UpdatedAt)
        {
            return Task.CompletedTask;
        }

        missions[summary.MissionId] = summary;
        Prune();
        _dirty = true;
        if (!_flushScheduled && _flushTimer is not null)
        {
            _flushScheduled = true;
            _flushTimer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MissionSummary>> List(string? status = null, string? worldId = null, int limit = 100)
    {
        MissionStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<MissionStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                throw new CoordinationValidationException("status", $"'{status}' is not one of {string.Join(", ", Enum.GetNames<MissionStatus>().Select(n => n.ToLowerInvariant()))}");
            }

            wanted = parsed;
        }

        if (limit is < 1 or > MaxListLimit)
        {
            throw new CoordinationValidationException("limit", $"must be between 1 and {MaxListLimit} (got {limit})");
        }

        IReadOnlyList<MissionSummary> rows = state.State.Missions.Values
            .Where(m => wanted is null || m.Status == wanted)
            .Where(m => string.IsNullOrEmpty(worldId) || string.Equals(m.WorldId, worldId, StringComparison.Ordinal))
            .OrderByDescending(m => m.SubmittedAt)
            .ThenBy(m => m.MissionId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(rows);
    }

    public Task ReconcileWorld(string worldId)
    {
        foreach (var mission in state.State.Missions.Values.Where(m => !m.IsTerminal && string.Equals(m.WorldId, worldId, StringComparison.Ordinal)))
        {
            GrainFactory.GetGrain<IMissionGrain>(mission.MissionId).Reconcile().Ignore();
        }

        return Task.CompletedTask;
    }

    private void Prune()
    {
        var missions = state.State.Missions;
        var finished = missions.Values.Count(m => m.IsTerminal);
        if (finished <= _recentLimit + Math.Max(1, _recentLimit / 10))
        {
            return;
        }

        foreach (var old in missions.Values.Where(m => m.IsTerminal).OrderBy(m => m.UpdatedAt).Take(finished - _recentLimit).ToList())
        {
            missions.Remove(old.MissionId);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushScheduled = false;
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
