using Coordination.Fleet;

namespace Coordination.Missions;

/// <summary>The durable state of a world's dispatcher (checkpointed after each round, and when robots change).</summary>
[GenerateSerializer]
[Alias("Coordination.DispatcherState")]
public sealed class DispatcherState
{
    /// <summary>Ready tickets by task id.</summary>
    [Id(0)]
    public Dictionary<string, DispatchTicket> Queue { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tickets given to robots, by task id.</summary>
    [Id(1)]
    public Dictionary<string, InFlightTask> InFlight { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest summary of every robot of the world, by robot id.</summary>
    [Id(2)]
    public Dictionary<string, RobotSummary> Robots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Charge missions this dispatcher created for low robots: mission id to robot id.</summary>
    [Id(3)]
    public Dictionary<string, string> ChargeMissions { get; set; } = new(StringComparer.Ordinal);

    [Id(4)]
    public long Rounds { get; set; }

    [Id(5)]
    public long ChargeSequence { get; set; }
}
