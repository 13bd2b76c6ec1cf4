namespace Coordination.Missions;

/// <summary>The durable state of a mission: its tasks, lifecycle and history (no spec: its fingerprint is enough).</summary>
[GenerateSerializer]
[Alias("Coordination.MissionState")]
public sealed class MissionState
{
    /// <summary>SHA-256 of the canonical spec; empty while no mission was submitted under this id.</summary>
    [Id(0)]
    public string Fingerprint { get; set; } = string.Empty;

    [Id(1)]
    public string WorldId { get; set; } = string.Empty;

    [Id(2)]
    public int Priority { get; set; }

    [Id(3)]
    public DateTimeOffset? Deadline { get; set; }

    [Id(4)]
    public MissionStatus Status { get; set; }

    [Id(5)]
    public string? Reason { get; set; }

    [Id(6)]
    public DateTimeOffset SubmittedAt { get; set; }

    [Id(7)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Sequence number of the last history event.</summary>
    [Id(9)]
    public long Version { get; set; }

    [Id(10)]
    public List<MissionTaskState> Tasks { get; set; } = [];

    [Id(11)]
    public List<MissionEvent> History { get; set; } = [];

    public bool Exists => Fingerprint.Length > 0;

    public bool IsTerminal => Status is MissionStatus.Completed or MissionStatus.Failed or MissionStatus.Cancelled;
}
