using System.Security.Cryptography;
using System.Text.Json;

namespace Coordination.Missions;

/// <summary>
/// A stable hash of a mission spec, so a second submission under the same id can be told apart from a different
/// spec: missing capability lists count as empty and the deadline is compared as a UTC instant.
/// </summary>
public static class SpecFingerprint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Of(MissionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var canonical = spec with
        {
            Deadline = spec.Deadline?.ToUniversalTime(),
            Tasks = spec.Tasks is null ? [] : [.. spec.Tasks.Select(Canonical)],
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, Json);
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    private static MissionTaskSpec Canonical(MissionTaskSpec task) => task is null ? null! : task with
    {
        Requires = task.Requires ?? [],
        Steps = task.Steps is null ? null : [.. task.Steps.Select(Canonical)],
    };
}
