using System.Diagnostics;
using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Placement;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Coordination.Silo.Migration;

/// <summary>
/// Drains a stopping silo: early in its stop sequence (the stage at which the silo announces ShuttingDown, before
/// it deactivates its grains), every robot and mission activation is live-migrated (Orleans <c>IGrainContext.Migrate</c>:
/// state and queued requests move, calls are forwarded) to another active silo (a robot twin to a silo of its
/// robot's zone when there is one), and the stop waits until they are gone or <see cref="MigrationOptions.DrainTimeout"/>.
/// </summary>
public sealed partial class SiloDrainParticipant(
    LocalActivationTracker tracker,
    MigratableGrainTypes types,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    RobotZoneDirectory zones,
    IServiceProvider services,
    IOptions<MigrationOptions> options,
    TimeProvider clock,
    ILogger<SiloDrainParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The stop stage: the one at which membership announces ShuttingDown (the silo deactivates its grains one stage later).</summary>
    public const int Stage = ServiceLifecycleStage.BecomeActive;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(2);

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SiloDrainParticipant), Stage, _ => Task.CompletedTask, DrainAsync);
    }

    /// <summary>Migrates the tracked activations off this silo; returns how many left it.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.DrainOnStop)
        {
            return 0;
        }

        using var span = CoordinationInstruments.Source.StartActivity("placement.drain-silo");
        var deadline = clock.GetUtcNow() + settings.DrainTimeout;
        var local = silo.SiloAddress;

        // Wait (briefly) for the membership agent, stopping in parallel, to mark this silo ShuttingDown, so placement
        // no longer offers it as a target.
        var statusDeadline = clock.GetUtcNow() + StatusWait;
        while (membership.CurrentSnapshot.GetSiloStatus(local) == SiloStatus.Active && clock.GetUtcNow() < statusDeadline)
        {
            await Task.Delay(Poll, clock, cancellationToken);
        }

        var targets = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local))
            .Select(m => m.SiloAddress)
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToArray();
        var activations = tracker.Snapshot();
        span?.SetTag("placement.activations", activations.Count);
        span?.SetTag("placement.targets", targets.Length);
        if (activations.Count == 0)
        {
            return 0;
        }

        if (targets.Length == 0)
        {
            LogNoTarget(logger, activations.Count);
            return 0;
        }

        var metadata = services.GetService<ISiloMetadataCache>();
        var robotType = types.Robot;
        var started = new List<IGrainContext>(activations.Count);
        for (var i = 0; i < activations.Count; i++)
        {
            var context = activations[i];
            var target = targets[i % targets.Length];
            if (context.GrainId.Type == robotType && metadata is not null
                && zones.Find(context.GrainId.Key.ToString()!) is { } zone
                && targets.FirstOrDefault(t => string.Equals(ZoneOf(metadata, t), zone, StringComparison.OrdinalIgnoreCase)) is { } inZone)
            {
                target = inZone;
            }

            context.Migrate(new Dictionary<string, object> { [IPlacementDirector.PlacementHintKey] = target }, cancellationToken);
            started.Add(context);
        }

        LogDraining(logger, started.Count, targets.Length);
        while (started.Any(tracker.IsAlive) && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, clock, cancellationToken);
        }

        var left = started.Count(c => !tracker.IsAlive(c));
        PlacementMetrics.Migrations.Add(left, new KeyValuePair<string, object?>("reason", "silo-stopping"));
        span?.SetTag("placement.migrated", left);
        if (left < started.Count)
        {
            span?.SetStatus(ActivityStatusCode.Error, "drain timed out");
            LogDrainTimedOut(logger, started.Count - left, settings.DrainTimeout.TotalSeconds);
        }
        else
        {
            LogDrained(logger, left);
        }

        return left;
    }

    internal static string? ZoneOf(ISiloMetadataCache metadata, SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(ZonePlacement.ZoneMetadataKey, out var zone) && zone.Length > 0 ? zone : null;

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Stopping silo: migrating {Count} activation(s) to {Targets} other silo(s)")]
    private static partial void LogDraining(ILogger logger, int count, int targets);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Stopping silo: {Count} activation(s) migrated")]
    private static partial void LogDrained(ILogger logger, int count);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Stopping silo: {Count} activation(s) still here after {Seconds} s; they deactivate (state is persisted)")]
    private static partial void LogDrainTimedOut(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Stopping silo: no other active silo for {Count} activation(s); they deactivate (state is persisted)")]
    private static partial void LogNoTarget(ILogger logger, int count);
}
