namespace Coordination.Placement.Engine;

/// <summary>Builds JSON paths (<c>$.nodes[0].labels['jetson/profile']</c>) for error messages.</summary>
internal static class JsonPaths
{
    public static string Property(string parent, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (var i = 1; simple && i < name.Length; i++)
        {
            simple = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_';
        }

        return simple ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
