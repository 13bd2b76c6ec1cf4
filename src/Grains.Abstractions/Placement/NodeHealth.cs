namespace Coordination.Placement;

[GenerateSerializer]
[Alias("Coordination.NodeHealth")]
public enum NodeHealth
{
    /// <summary>No report yet.</summary>
    Unknown = 0,
    Ready = 1,

    /// <summary>Missed its reports.</summary>
    NotReady = 2,

    /// <summary>Above its thermal threshold (or power-capped).</summary>
    Throttled = 3,
}
