namespace Coordination.Planning.Mapf.Grid;

/// <summary>
/// Reads and writes the MovingAI <c>.map</c> format: <c>type octile</c>, <c>height H</c>, <c>width W</c>,
/// <c>map</c>, then H rows of W characters. <c>.</c>, <c>G</c> and <c>S</c> are passable; <c>@</c>, <c>O</c>,
/// <c>T</c> and <c>W</c> are not.
/// </summary>
public static class MovingAiMap
{
    public static GridMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MapFormatException(path, 0, $"cannot read the file: {e.Message}");
        }

        return Parse(text, path);
    }

    public static GridMap Parse(string text, string fileName = "<map>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int height = -1, width = -1, row = 0;
        var lineNo = 0;

        string Next()
        {
            while (lineNo < lines.Length)
            {
                var l = lines[lineNo++].TrimEnd('\r');
                if (l.Length > 0)
                {
                    return l;
                }
            }

            throw new MapFormatException(fileName, lineNo, "unexpected end of file");
        }

        var first = Next();
        if (!first.StartsWith("type ", StringComparison.Ordinal))
        {
            throw new MapFormatException(fileName, lineNo, $"expected 'type octile', found '{Truncate(first)}'");
        }

        while (true)
        {
            var l = Next();
            if (l == "map")
            {
                break;
            }

            var parts = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] is "height" or "width" && int.TryParse(parts[1], out var v) && v > 0)
            {
                if (parts[0] == "height")
                {
                    height = v;
                }
                else
                {
                    width = v;
                }

                continue;
            }

            throw new MapFormatException(fileName, lineNo, $"expected 'height H', 'width W' or 'map', found '{Truncate(l)}'");
        }

        if (height <= 0 || width <= 0)
        {
            throw new MapFormatException(fileName, lineNo, "the header must give a positive height and width before 'map'");
        }

        var passable = new bool[width * height];
        for (row = 0; row < height; row++)
        {
            if (lineNo >= lines.Length)
            {
                throw new MapFormatException(fileName, lineNo, $"expected {height} rows, found {row}");
            }

            var l = lines[lineNo++].TrimEnd('\r');
            if (l.Length != width)
            {
                throw new MapFormatException(fileName, lineNo, $"row {row} has {l.Length} cells, expected {width}");
            }

            for (var x = 0; x < width; x++)
            {
                passable[(row * width) + x] = l[x] switch
                {
                    '.' or 'G' or 'S' => true,
                    '@' or 'O' or 'T' or 'W' => false,
                    var c => throw new MapFormatException(fileName, lineNo, $"unknown cell '{c}' at column {x}"),
                };
            }
        }

        for (; lineNo < lines.Length; lineNo++)
        {
            if (lines[lineNo].Trim().Length > 0)
            {
                throw new MapFormatException(fileName, lineNo + 1, $"more than {height} rows");
            }
        }

        return new GridMap(width, height, passable, Path.GetFileName(fileName));
    }

    /// <summary>Writes a map in the MovingAI format (blocked cells as <c>@</c>).</summary>
    public static string Format(GridMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var sb = new System.Text.StringBuilder();
        sb.Append("type octile\nheight ").Append(map.Height).Append("\nwidth ").Append(map.Width).Append("\nmap\n");
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                sb.Append(map.IsPassable(x, y) ? '.' : '@');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
