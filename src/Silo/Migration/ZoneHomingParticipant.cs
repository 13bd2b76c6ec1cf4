using Coordination.Fleet;
using Coordination.Placement;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Coordination.Silo.Migration;

/// <summary>
/// Moves robot twins home: when a silo of zone Z becomes active (it joined, or came back after a restart), this
/// silo (of another zone) live-migrates its robot activations whose robot is in zone Z to that silo.
/// </summary>
public sealed partial class ZoneHomingParticipant(
    LocalActivationTracker tracker,
    MigratableGrainTypes types,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    RobotZoneDirectory zones,
    IServiceProvider services,
    IOptions<MigrationOptions> options,
    ILogger<ZoneHomingParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan MetadataWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan JoinSettleTime = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<GrainId, DateTime> _requested = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(ZoneHomingParticipant),
            ServiceLifecycleStage.Active,
            _ =>
            {
                if (options.Value.ZoneHoming && services.GetService<ISiloMetadataCache>() is { } metadata)
                {
                    _loop = Task.WhenAll(
                        Task.Run(() => WatchAsync(metadata, _stopping.Token)),
                        Task.Run(() => SweepAsync(metadata, _stopping.Token)));
                }

                return Task.CompletedTask;
            },
            async _ =>
            {
                await _stopping.CancelAsync();
                await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            });
    }

    /// <summary>Migrates the robot twins of <paramref name="zone"/> that live here to <paramref name="target"/>; returns how many.</summary>
    public int SendHome(SiloAddress target, string zone)
    {
        var robotType = types.Robot;
        var count = 0;
        var now = DateTime.UtcNow;
        foreach (var context in tracker.Snapshot())
        {
            if (context.GrainId.Type == robotType
                && string.Equals(zones.Find(context.GrainId.Key.ToString()!), zone, StringComparison.OrdinalIgnoreCase)
                && Request(context.GrainId, now))
            {
                context.Migrate(new Dictionary<string, object> { [IPlacementDirector.PlacementHintKey] = target });
                count++;
            }
        }

        if (count > 0)
        {
            PlacementMetrics.Migrations.Add(count, new KeyValuePair<string, object?>("reason", "zone-homing"));
            LogSendingHome(logger, count, zone, target.ToString());
        }

        return count;
    }

    private async Task WatchAsync(ISiloMetadataCache metadata, CancellationToken cancellationToken)
    {
        var known = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
                var joined = active.Where(s => !known.Contains(s) && !s.Equals(silo.SiloAddress)).ToList();
                known = active;
                if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
                {
                    continue;
                }

                var localZone = SiloDrainParticipant.ZoneOf(metadata, silo.SiloAddress);
                foreach (var newcomer in joined)
                {
                    var zone = await ZoneWhenKnownAsync(metadata, newcomer, cancellationToken);

                    // A silo that has just become active may not yet take activations everywhere (directory,
                    // manifest): give it a moment, so the twins move live instead of being re-activated.
                    await Task.Delay(JoinSettleTime, cancellationToken);
                    if (membership.CurrentSnapshot.GetSiloStatus(newcomer) != SiloStatus.Active)
                    {
                        continue;
                    }

                    if (zone is not null && !string.Equals(zone, localZone, StringComparison.OrdinalIgnoreCase))
                    {
                        SendHome(newcomer, zone);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogWatchFailed(logger, e.Message);
        }
    }

    /// <summary>
    /// A safety net behind the join events: every <see cref="SweepInterval"/>, twins here whose zone has an active
    /// silo elsewhere are sent to it (a join seen before its metadata, or a migration that fell back to a plain
    /// deactivation, is caught up this way). A twin already on a silo of its zone never moves.
    /// </summary>
    /// <summary>
    /// True when this twin was not asked to move within the last <see cref="SweepInterval"/>: a second request
    /// while a migration is under way (the join event and the sweep can coincide) would make it fall back to a
    /// plain deactivation.
    /// </summary>
    private bool Request(GrainId grain, DateTime now)
    {
        foreach (var (id, at) in _requested)
        {
            if (now - at > SweepInterval)
            {
                _requested.TryRemove(id, out _);
            }
        }

        return _requested.TryAdd(grain, now);
    }

    private async Task SweepAsync(ISiloMetadataCache metadata, CancellationToken cancellationToken)
    {
        var firstSeen = new Dictionary<SiloAddress, DateTime>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(SweepInterval, cancellationToken);
                if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
                {
                    continue;
                }

                var localZone = SiloDrainParticipant.ZoneOf(metadata, silo.SiloAddress);
                var now = DateTime.UtcNow;
                var members = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).ToList();
                foreach (var m in members)
                {
                    firstSeen.TryAdd(m.SiloAddress, now);
                }

                var homes = members
                    .Where(m => !m.SiloAddress.Equals(silo.SiloAddress) && now - firstSeen[m.SiloAddress] >= JoinSettleTime)
                    .Select(m => (Silo: m.SiloAddress, Zone: SiloDrainParticipant.ZoneOf(metadata, m.SiloAddress)))
                    .Where(h => h.Zone is { Length: > 0 } && !string.Equals(h.Zone, localZone, StringComparison.OrdinalIgnoreCase))
                    .GroupBy(h => h.Zone!, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (Zone: g.Key, Silo: g.OrderBy(h => h.Silo.ToParsableString(), StringComparer.Ordinal).First().Silo));
                foreach (var (zone, target) in homes)
                {
                    SendHome(target, zone);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogWatchFailed(logger, e.Message);
        }
    }

    private static async Task<string?> ZoneWhenKnownAsync(ISiloMetadataCache metadata, SiloAddress silo, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 20; i++)
        {
            if (metadata.GetSiloMetadata(silo).Metadata.Count > 0)
            {
                return SiloDrainParticipant.ZoneOf(metadata, silo);
            }

            await Task.Delay(MetadataWait, cancellationToken);
        }

        return null;
    }

    [LoggerMessage(EventId = 4310, Level = LogLevel.Information, Message = "Zone homing: migrating {Count} robot twin(s) of zone {Zone} to silo {Silo}")]
    private static partial void LogSendingHome(ILogger logger, int count, string zone, string silo);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "Zone homing stopped: {Error}")]
    private static partial void LogWatchFailed(ILogger logger, string error);
}
