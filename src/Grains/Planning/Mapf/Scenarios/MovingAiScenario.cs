using System.Globalization;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning.Mapf.Scenarios;

/// <summary>
/// Reads the MovingAI <c>.scen</c> format: <c>version 1</c>, then tab-separated rows
/// <c>bucket map width height start_x start_y goal_x goal_y optimal_length</c>.
/// Errors are <see cref="MapFormatException"/>s naming the file and the line.
/// </summary>
public static class MovingAiScenario
{
    private const int Columns = 9;

    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MapFormatException(path, 0, $"cannot read the file: {e.Message}");
        }

        return Parse(text, path);
    }

    public static Scenario Parse(string text, string fileName = "<scen>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var agents = new List<ScenarioAgent>();
        var sawHeader = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineNo = i + 1;
            if (!sawHeader)
            {
                var header = line.Trim();
                var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || parts[0] != "version" || !(parts[1] is "1" or "1.0"))
                {
                    throw new MapFormatException(fileName, lineNo, $"expected 'version 1', found '{Truncate(line)}'");
                }

                sawHeader = true;
                continue;
            }

            if (line.Trim().Length == 0)
            {
                // Blank lines are allowed only at the end of the file.
                for (var j = i + 1; j < lines.Length; j++)
                {
                    if (lines[j].Trim().Length > 0)
                    {
                        throw new MapFormatException(fileName, lineNo, "blank line before the end of the file");
                    }
                }

                break;
            }

            agents.Add(ParseRow(line, fileName, lineNo));
        }

        return new Scenario(fileName, agents);
    }

    private static ScenarioAgent ParseRow(string line, string fileName, int lineNo)
    {
        var fields = line.Split('\t');
        if (fields.Length != Columns)
        {
            throw new MapFormatException(
                fileName,
                lineNo,
                $"expected {Columns} tab-separated fields (bucket map width height start_x start_y goal_x goal_y optimal_length), found {fields.Length}");
        }

        int Int(int index, string name)
        {
            if (!int.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                throw new MapFormatException(fileName, lineNo, $"{name} must be an integer, found '{Truncate(fields[index])}'");
            }

            return v;
        }

        var bucket = Int(0, "bucket");
        var map = fields[1];
        if (map.Length == 0)
        {
            throw new MapFormatException(fileName, lineNo, "map name is empty");
        }

        var width = Int(2, "width");
        var height = Int(3, "height");
        var sx = Int(4, "start_x");
        var sy = Int(5, "start_y");
        var gx = Int(6, "goal_x");
        var gy = Int(7, "goal_y");
        if (!double.TryParse(fields[8], NumberStyles.Float, CultureInfo.InvariantCulture, out var optimal))
        {
            throw new MapFormatException(fileName, lineNo, $"optimal_length must be a number, found '{Truncate(fields[8])}'");
        }

        if (width <= 0 || height <= 0)
        {
            throw new MapFormatException(fileName, lineNo, $"width and height must be positive, found {width}x{height}");
        }

        return new ScenarioAgent(lineNo, bucket, map, width, height, sx, sy, gx, gy, optimal);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
