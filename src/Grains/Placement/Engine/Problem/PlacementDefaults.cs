using System.Collections.ObjectModel;

namespace Coordination.Placement.Engine;

/// <summary>Shared immutable defaults of the problem records.</summary>
internal static class PlacementDefaults
{
    public static readonly IReadOnlyDictionary<string, string> EmptyMap =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));
}
