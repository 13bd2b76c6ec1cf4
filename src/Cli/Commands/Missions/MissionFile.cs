using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Coordination.Cli.Commands.Missions;

/// <summary>
/// Reads a mission file: JSON as it is, YAML (<c>.yaml</c>, <c>.yml</c>) converted to the same JSON tree so both
/// report problems with the same JSON paths. A file that cannot be read throws <see cref="FormatException"/> naming it.
/// </summary>
internal static class MissionFile
{
    public static string ReadAsJson(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"{path}: cannot read the file ({e.Message})", e);
        }

        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? YamlToJson(text, path)
            : text;
    }

    public static string YamlToJson(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{e.Start.Line}:{e.Start.Column}: {Inner(e).Message}"), e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{source}: expected one YAML document, found {stream.Documents.Count}");
        }

        return Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[key is YamlScalarNode k ? k.Value ?? string.Empty : key.ToString()] = Convert(value);
                }

                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }
}
