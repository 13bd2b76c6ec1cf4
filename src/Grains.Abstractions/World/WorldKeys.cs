using System.Globalization;

namespace Coordination.World;

/// <summary>Grain keys of a world's grains and the rule for world ids.</summary>
public static class WorldKeys
{
    public const int MaxWorldIdLength = 128;

    /// <summary>The key of a region grain: <c>worldId/m{mapVersion}/{column},{row}</c> (region column and row).</summary>
    public static string Region(string worldId, long mapVersion, int column, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{worldId}/m{mapVersion}/{column},{row}");

    /// <summary>The world id of a region or planner key (the part before the first '/').</summary>
    public static string WorldOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>The problem with a world id, or null when it is valid (1–128 of <c>A-Z a-z 0-9 . _ -</c>).</summary>
    public static string? Problem(string? worldId)
    {
        if (string.IsNullOrEmpty(worldId))
        {
            return "is required";
        }

        if (worldId.Length > MaxWorldIdLength)
        {
            return $"longer than {MaxWorldIdLength} characters";
        }

        foreach (var c in worldId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return $"'{worldId}' may only hold letters, digits, '.', '_' and '-'";
            }
        }

        return null;
    }
}
