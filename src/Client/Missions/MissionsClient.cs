using System.Runtime.CompilerServices;
using Coordination.Common;
using Coordination.Missions;
using Orleans;

namespace Coordination.Client.Missions;

/// <summary>The typed SDK facade for missions: submit, follow, cancel and list them.</summary>
public sealed class MissionsClient(IGrainFactory grains)
{
    /// <summary>How long one long-poll of <see cref="WatchAsync"/> waits on the mission before asking again.</summary>
    public static readonly TimeSpan PollWait = TimeSpan.FromSeconds(15);

    /// <summary>Submits a mission (idempotent by <see cref="MissionSpec.Id"/>); a bad field throws <see cref="CoordinationValidationException"/> naming it.</summary>
    public Task<MissionSnapshot> SubmitAsync(MissionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrEmpty(spec.Id))
        {
            throw new CoordinationValidationException("$.id", "is required (a non-empty string)");
        }

        return Mission(spec.Id).Submit(spec);
    }

    /// <summary>The mission's status, or <c>null</c> when there is no mission with that id.</summary>
    public Task<MissionSnapshot?> GetStatusAsync(string missionId) => Mission(missionId).GetStatus();

    public Task<IReadOnlyList<MissionEvent>> GetHistoryAsync(string missionId, long afterSequence = 0) =>
        Mission(missionId).GetHistory(afterSequence);

    public Task<MissionSnapshot> CancelAsync(string missionId, string? reason = null) => Mission(missionId).Cancel(reason);

    /// <summary>Missions newest first (every unfinished one and the recent finished ones), optionally filtered.</summary>
    public Task<IReadOnlyList<MissionSummary>> ListAsync(string? status = null, string? worldId = null, int limit = 100) =>
        grains.GetGrain<IMissionIndexGrain>(MissionIndex.Key).List(status, worldId, limit);

    /// <summary>The dispatcher of a world: its queue, tasks in flight and robots.</summary>
    public Task<DispatcherSnapshot> GetDispatcherAsync(string worldId) => grains.GetGrain<IDispatcherGrain>(worldId).GetSnapshot();

    /// <summary>
    /// The mission's status now and after every change, ending with the snapshot in which it is over.
    /// Throws <see cref="CoordinationValidationException"/> when there is no such mission.
    /// </summary>
    public async IAsyncEnumerable<MissionSnapshot> WatchAsync(string missionId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mission = Mission(missionId);
        var current = await mission.GetStatus() ?? throw new CoordinationValidationException("id", $"no mission '{missionId}' was submitted");
        yield return current;
        while (!current.IsTerminal)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = await mission.WaitForChange(current.Version, PollWait).WaitAsync(cancellationToken)
                ?? throw new CoordinationValidationException("id", $"mission '{missionId}' is gone");
            if (next.Version > current.Version || next.IsTerminal != current.IsTerminal)
            {
                current = next;
                yield return current;
            }
        }
    }

    /// <summary>Waits until the mission is over and returns its final status.</summary>
    public async Task<MissionSnapshot> WaitForEndAsync(string missionId, CancellationToken cancellationToken = default)
    {
        MissionSnapshot? last = null;
        await foreach (var snapshot in WatchAsync(missionId, cancellationToken))
        {
            last = snapshot;
        }

        return last!;
    }

    private IMissionGrain Mission(string missionId)
    {
        if (string.IsNullOrEmpty(missionId))
        {
            throw new CoordinationValidationException("id", "a mission id is required");
        }

        return grains.GetGrain<IMissionGrain>(missionId);
    }
}
