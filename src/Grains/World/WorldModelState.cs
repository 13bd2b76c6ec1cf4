namespace Coordination.World;

/// <summary>The durable facts of a world: its static map (rows of <c>.</c> and <c>@</c>) and map version.</summary>
[GenerateSerializer]
[Alias("Coordination.WorldModelState")]
public sealed class WorldModelState
{
    [Id(0)]
    public long MapVersion { get; set; }

    [Id(1)]
    public string MapName { get; set; } = string.Empty;

    [Id(2)]
    public int Width { get; set; }

    [Id(3)]
    public int Height { get; set; }

    [Id(4)]
    public List<string> Rows { get; set; } = [];

    [Id(5)]
    public DateTimeOffset UploadedAt { get; set; }
}
