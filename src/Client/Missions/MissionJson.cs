using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Client.Missions;

/// <summary>JSON settings for mission snapshots, summaries and events (camelCase, enums as lower-case names).</summary>
public static class MissionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>One object per line (for <c>watch --json</c>).</summary>
    public static readonly JsonSerializerOptions Lines = new(Options) { WriteIndented = false };
}
