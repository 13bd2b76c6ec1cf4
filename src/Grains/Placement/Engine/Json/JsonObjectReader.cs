using System.Globalization;
using System.Text.Json;

namespace Coordination.Placement.Engine;

/// <summary>
/// Strict reading of JSON values into the problem records: unknown or duplicate fields, wrong types and missing
/// required fields are errors that name the JSON path; absent or <c>null</c> optional fields take their default.
/// </summary>
internal sealed class JsonObjectReader
{
    public List<PlacementValidationError> Errors { get; } = [];

    /// <summary>Calls <paramref name="onField"/> for each known field of an object; reports unknown and duplicate ones.</summary>
    public bool ReadObject(JsonElement element, string path, string[] fields, Action<string, JsonElement, string> onField)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(new(path, $"must be an object, not {Describe(element)}"));
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPaths.Property(path, property.Name);
            if (Array.IndexOf(fields, property.Name) < 0)
            {
                Errors.Add(new(fieldPath, $"unknown field (expected one of: {string.Join(", ", fields)})"));
                continue;
            }

            if (!seen.Add(property.Name))
            {
                Errors.Add(new(fieldPath, "duplicate field"));
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                onField(property.Name, property.Value, fieldPath);
            }
        }

        return true;
    }

    public List<T> ReadList<T>(JsonElement element, string path, Func<JsonElement, string, T?> readItem)
        where T : class
    {
        var list = new List<T>();
        if (element.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(new(path, $"must be a list, not {Describe(element)}"));
            return list;
        }

        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (readItem(item, JsonPaths.Index(path, i)) is { } value)
            {
                list.Add(value);
            }

            i++;
        }

        return list;
    }

    public Dictionary<string, string> ReadStringMap(JsonElement element, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(new(path, $"must be an object of strings, not {Describe(element)}"));
            return map;
        }

        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPaths.Property(path, property.Name);
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                Errors.Add(new(fieldPath, $"must be a string, not {Describe(property.Value)}"));
            }
            else if (!map.TryAdd(property.Name, property.Value.GetString()!))
            {
                Errors.Add(new(fieldPath, "duplicate key"));
            }
        }

        return map;
    }

    public string String(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString()!;
        }

        Errors.Add(new(path, $"must be a string, not {Describe(element)}"));
        return "";
    }

    public bool Bool(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Errors.Add(new(path, $"must be true or false, not {Describe(element)}"));
        return false;
    }

    public long Int64(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var value))
            {
                return value;
            }

            if (element.TryGetDouble(out var number) && Math.Floor(number) == number && Math.Abs(number) < 9e15)
            {
                return (long)number;
            }

            Errors.Add(new(path, "must be an integer"));
            return 0;
        }

        Errors.Add(new(path, $"must be an integer, not {Describe(element)}"));
        return 0;
    }

    public int Int32(JsonElement element, string path)
    {
        var value = Int64(element, path);
        if (value is < int.MinValue or > int.MaxValue)
        {
            Errors.Add(new(path, string.Create(CultureInfo.InvariantCulture, $"must be between {int.MinValue} and {int.MaxValue}")));
            return 0;
        }

        return (int)value;
    }

    public double Double(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        Errors.Add(new(path, $"must be a number, not {Describe(element)}"));
        return 0;
    }

    public TEnum Enum<TEnum>(JsonElement element, string path, string expected)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            Errors.Add(new(path, $"'{text}' is not one of {expected}"));
            return default;
        }

        Errors.Add(new(path, $"must be one of {expected}, not {Describe(element)}"));
        return default;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
