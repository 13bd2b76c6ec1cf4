using Coordination.Fleet;

namespace Coordination.Tests.Fleet;

/// <summary>
/// Reports a robot's sample every period until disposed, as robot software does, so a test that takes its time
/// does not see the twin go offline. Sample timestamps start at the given sample's and advance by one period.
/// </summary>
public sealed class Heartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IRobotGrain _twin;
    private readonly RobotTelemetry _sample;
    private readonly TimeSpan _period;
    private Task _loop = Task.CompletedTask;

    private Heartbeat(IRobotGrain twin, RobotTelemetry sample, TimeSpan period)
    {
        _twin = twin;
        _sample = sample;
        _period = period;
    }

    /// <summary>The ack of the first sample, sent before <see cref="StartAsync"/> returns.</summary>
    public TelemetryAck FirstAck { get; private set; } = null!;

    public static async Task<Heartbeat> StartAsync(IRobotGrain twin, RobotTelemetry sample, TimeSpan? period = null)
    {
        var heartbeat = new Heartbeat(twin, sample, period ?? FleetClusterFixture.TelemetryPeriod);
        heartbeat.FirstAck = await twin.ReportTelemetry(sample);
        heartbeat._loop = Task.Run(heartbeat.LoopAsync);
        return heartbeat;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        for (var beat = 1; !_stop.IsCancellationRequested; beat++)
        {
            try
            {
                await Task.Delay(_period, _stop.Token);
                await _twin.ReportTelemetry(_sample with { Timestamp = _sample.Timestamp + (_period * beat) });
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
