using System.Text.Json;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// Walks a parsed input document, collecting type, unknown-field and missing-field errors with their JSON paths.
/// Broken fields get placeholders (kept out of the value checks) so every error is reported at once.
/// </summary>
internal sealed class ProblemReader
{
    private static readonly string[] RootFields = ["robots", "tasks", "reserveBatteryPercent"];
    private static readonly string[] RobotFields = ["id", "x", "y", "capabilities", "batteryPercent", "available"];
    private static readonly string[] TaskFields = ["id", "x", "y", "requires", "priority", "energyPercent"];

    private readonly List<string> _broken = [];

    public List<string> Errors { get; } = [];

    /// <summary>Whether the root was an object, so value checks on the built problem make sense.</summary>
    public bool HasProblem { get; private set; }

    public bool IsBroken(string path) =>
        _broken.Exists(b => IsWithin(path, b) || IsWithin(b, path));

    public AllocationProblem Read(JsonElement root, GridMap? map)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail("$", $"must be an object, found {Describe(root)}");
            return new AllocationProblem([], [], 0, map);
        }

        HasProblem = true;
        var fields = Fields(root, "$", RootFields);
        var robots = new List<RobotSnapshot>();
        var tasks = new List<ReadyTask>();
        if (Required(fields, "$", "robots") is { } robotArray && Array(robotArray, "$.robots"))
        {
            var i = 0;
            foreach (var item in robotArray.EnumerateArray())
            {
                robots.Add(ReadRobot(item, $"$.robots[{i++}]"));
            }
        }

        if (Required(fields, "$", "tasks") is { } taskArray && Array(taskArray, "$.tasks"))
        {
            var i = 0;
            foreach (var item in taskArray.EnumerateArray())
            {
                tasks.Add(ReadTask(item, $"$.tasks[{i++}]"));
            }
        }

        var reserve = fields.TryGetValue("reserveBatteryPercent", out var r) ? Number(r, "$.reserveBatteryPercent") : 0;
        return new AllocationProblem(robots, tasks, reserve, map);
    }

    private static bool IsWithin(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"{e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private RobotSnapshot ReadRobot(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail(path, $"must be an object, found {Describe(item)}");
            return new RobotSnapshot("", 0, 0, [], 0, false);
        }

        var f = Fields(item, path, RobotFields);
        var id = Required(f, path, "id") is { } idValue ? String(idValue, $"{path}.id") : "";
        var x = Required(f, path, "x") is { } xValue ? Integer(xValue, $"{path}.x") : 0;
        var y = Required(f, path, "y") is { } yValue ? Integer(yValue, $"{path}.y") : 0;
        var capabilities = f.TryGetValue("capabilities", out var c) ? Strings(c, $"{path}.capabilities") : [];
        var battery = Required(f, path, "batteryPercent") is { } b ? Number(b, $"{path}.batteryPercent") : 0;
        var available = Required(f, path, "available") is { } a && Boolean(a, $"{path}.available");
        return new RobotSnapshot(id, x, y, capabilities, battery, available);
    }

    private ReadyTask ReadTask(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail(path, $"must be an object, found {Describe(item)}");
            return new ReadyTask("", 0, 0, [], 0, 0);
        }

        var f = Fields(item, path, TaskFields);
        var id = Required(f, path, "id") is { } idValue ? String(idValue, $"{path}.id") : "";
        var x = Required(f, path, "x") is { } xValue ? Integer(xValue, $"{path}.x") : 0;
        var y = Required(f, path, "y") is { } yValue ? Integer(yValue, $"{path}.y") : 0;
        var requires = f.TryGetValue("requires", out var rq) ? Strings(rq, $"{path}.requires") : [];
        var priority = f.TryGetValue("priority", out var p) ? Integer(p, $"{path}.priority") : 0;
        var energy = f.TryGetValue("energyPercent", out var e) ? Number(e, $"{path}.energyPercent") : 0;
        return new ReadyTask(id, x, y, requires, priority, energy);
    }

    private Dictionary<string, JsonElement> Fields(JsonElement obj, string path, string[] known)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var fieldPath = $"{path}.{property.Name}";
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Errors.Add($"{fieldPath}: unknown field (expected one of {string.Join(", ", known)})");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                Fail(fieldPath, "duplicate field");
            }
        }

        return fields;
    }

    private JsonElement? Required(Dictionary<string, JsonElement> fields, string path, string name)
    {
        if (fields.TryGetValue(name, out var value))
        {
            return value;
        }

        Fail($"{path}.{name}", "is required");
        return null;
    }

    private bool Array(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Fail(path, $"must be an array, found {Describe(e)}");
        return false;
    }

    private string String(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return e.GetString()!;
        }

        Fail(path, $"must be a string, found {Describe(e)}");
        return "";
    }

    private int Integer(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var value))
        {
            return value;
        }

        Fail(path, $"must be an integer, found {Describe(e)}");
        return 0;
    }

    private double Number(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        Fail(path, $"must be a number, found {Describe(e)}");
        return 0;
    }

    private bool Boolean(JsonElement e, string path)
    {
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        Fail(path, $"must be true or false, found {Describe(e)}");
        return false;
    }

    private string[] Strings(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(path, $"must be an array of strings, found {Describe(e)}");
            return [];
        }

        var list = new List<string>();
        var j = 0;
        foreach (var item in e.EnumerateArray())
        {
            list.Add(String(item, $"{path}[{j++}]"));
        }

        return [.. list];
    }

    private void Fail(string path, string problem)
    {
        Errors.Add($"{path}: {problem}");
        _broken.Add(path);
    }
}
