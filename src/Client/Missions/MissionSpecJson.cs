using System.Globalization;
using System.Text.Json;
using Coordination.Common;
using Coordination.Missions;

namespace Coordination.Client.Missions;

/// <summary>
/// Reads a mission spec from JSON (the file format of <c>coord mission submit</c>; YAML files are converted to the
/// same tree first). Strict: unknown fields, wrong types and missing fields are errors that name the JSON path
/// (<c>$.tasks[2].dropoff.x: must be an integer</c>). Map-dependent checks (cells outside the map, blocked cells,
/// unreachable legs) are made by the mission grain when the spec is submitted.
/// </summary>
public static class MissionSpecJson
{
    private static readonly string[] MissionFields = ["id", "worldId", "priority", "deadline", "tasks"];
    private static readonly string[] TaskFields = ["kind", "id", "requires", "goal", "pickup", "dropoff", "places", "rounds", "station", "steps"];
    private static readonly string[] CellFields = ["x", "y"];

    /// <summary>Parses <paramref name="json"/>; throws <see cref="CoordinationValidationException"/> naming the first bad field (the message lists all).</summary>
    public static MissionSpec Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, column {e.BytePositionInLine + 1})") : string.Empty;
            throw new CoordinationValidationException("$", $"not valid JSON{where}");
        }

        using (document)
        {
            var errors = new List<(string Path, string Problem)>();
            var spec = ReadMission(document.RootElement, errors);
            if (errors.Count > 0 || spec is null)
            {
                var (path, problem) = errors.Count > 0 ? errors[0] : ("$", "not a mission");
                if (errors.Count > 1)
                {
                    problem += $" (and {errors.Count - 1} more: {string.Join("; ", errors.Skip(1).Take(9).Select(e => $"{e.Path}: {e.Problem}"))}{(errors.Count > 10 ? "; ..." : string.Empty)})";
                }

                throw new CoordinationValidationException(path, problem);
            }

            return spec;
        }
    }

    /// <summary>Writes a spec in the file format (camelCase, kinds in lower case, unused fields left out).</summary>
    public static string Format(MissionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("id", spec.Id);
            w.WriteString("worldId", spec.WorldId);
            w.WriteNumber("priority", spec.Priority);
            if (spec.Deadline is { } deadline)
            {
                w.WriteString("deadline", deadline.ToString("O", CultureInfo.InvariantCulture));
            }

            w.WritePropertyName("tasks");
            w.WriteStartArray();
            foreach (var task in spec.Tasks)
            {
                WriteTask(w, task);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static MissionSpec? ReadMission(JsonElement root, List<(string, string)> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("$", "must be an object with id, worldId, priority, deadline and tasks"));
            return null;
        }

        Unknown(root, "$", MissionFields, errors);
        var id = String(root, "$", "id", required: true, errors);
        var world = String(root, "$", "worldId", required: true, errors);
        var priority = Int(root, "$", "priority", errors) ?? 0;
        DateTimeOffset? deadline = null;
        if (root.TryGetProperty("deadline", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(d.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                || !HasOffset(d.GetString()!))
            {
                errors.Add(("$.deadline", "must be a date and time with a UTC offset, e.g. \"2026-05-01T14:30:00Z\""));
            }
            else
            {
                deadline = parsed;
            }
        }

        var tasks = new List<MissionTaskSpec>();
        if (!root.TryGetProperty("tasks", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            errors.Add(("$.tasks", "is required (an array of tasks)"));
        }
        else if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(("$.tasks", "must be an array of tasks"));
        }
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadTask(item, Path("$.tasks", i), errors) is { } task)
                {
                    tasks.Add(task);
                }

                i++;
            }
        }

        return new MissionSpec(id ?? string.Empty, world ?? string.Empty, priority, deadline, tasks);
    }

    private static MissionTaskSpec? ReadTask(JsonElement e, string path, List<(string, string)> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add((path, "must be a task object"));
            return null;
        }

        Unknown(e, path, TaskFields, errors);
        var kindText = String(e, path, "kind", required: true, errors);
        MissionTaskKind kind = default;
        if (kindText is not null && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _)))
        {
            errors.Add(($"{path}.kind", $"'{kindText}' is not one of goto, delivery, patrol, charge, compose"));
            kindText = null;
        }

        var id = String(e, path, "id", required: false, errors);
        List<string>? requires = null;
        if (e.TryGetProperty("requires", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Array)
            {
                errors.Add(($"{path}.requires", "must be an array of capability names"));
            }
            else
            {
                requires = [];
                var j = 0;
                foreach (var c in r.EnumerateArray())
                {
                    if (c.ValueKind != JsonValueKind.String)
                    {
                        errors.Add((Path($"{path}.requires", j), "must be a string"));
                    }
                    else
                    {
                        requires.Add(c.GetString()!);
                    }

                    j++;
                }
            }
        }

        var goal = Cell(e, path, "goal", errors);
        var pickup = Cell(e, path, "pickup", errors);
        var dropoff = Cell(e, path, "dropoff", errors);
        var station = Cell(e, path, "station", errors);
        List<GridCell>? places = null;
        if (e.TryGetProperty("places", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Array)
            {
                errors.Add(($"{path}.places", "must be an array of cells"));
            }
            else
            {
                places = [];
                var j = 0;
                foreach (var c in p.EnumerateArray())
                {
                    if (ReadCell(c, Path($"{path}.places", j), errors) is { } cell)
                    {
                        places.Add(cell);
                    }

                    j++;
                }
            }
        }

        var rounds = Int(e, path, "rounds", errors) ?? 1;
        List<MissionTaskSpec>? steps = null;
        if (e.TryGetProperty("steps", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Array)
            {
                errors.Add(($"{path}.steps", "must be an array of tasks"));
            }
            else
            {
                steps = [];
                var j = 0;
                foreach (var step in s.EnumerateArray())
                {
                    if (ReadTask(step, Path($"{path}.steps", j), errors) is { } t)
                    {
                        steps.Add(t);
                    }

                    j++;
                }
            }
        }

        return kindText is null ? null : new MissionTaskSpec(kind, id, requires, goal, pickup, dropoff, places, rounds, station, steps);
    }

    private static GridCell? Cell(JsonElement parent, string path, string name, List<(string, string)> errors) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? ReadCell(e, $"{path}.{name}", errors) : null;

    private static GridCell? ReadCell(JsonElement e, string path, List<(string, string)> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add((path, "must be a cell {\"x\": column, \"y\": row}"));
            return null;
        }

        Unknown(e, path, CellFields, errors);
        var before = errors.Count;
        var x = Int(e, path, "x", errors);
        var y = Int(e, path, "y", errors);
        if (x is null && errors.Count == before)
        {
            errors.Add(($"{path}.x", "is required"));
        }

        if (y is null && errors.Count == before)
        {
            errors.Add(($"{path}.y", "is required"));
        }

        return x is { } cx && y is { } cy ? new GridCell(cx, cy) : null;
    }

    private static string? String(JsonElement parent, string path, string name, bool required, List<(string, string)> errors)
    {
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(($"{path}.{name}", "is required"));
            }

            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            errors.Add(($"{path}.{name}", "must be a string"));
            return null;
        }

        return e.GetString();
    }

    private static int? Int(JsonElement parent, string path, string name, List<(string, string)> errors)
    {
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
        {
            errors.Add(($"{path}.{name}", "must be an integer"));
            return null;
        }

        return value;
    }

    private static void Unknown(JsonElement e, string path, string[] known, List<(string, string)> errors)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(($"{path}.{property.Name}", $"unknown field (expected one of {string.Join(", ", known)})"));
            }
        }
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string Path(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    private static void WriteTask(Utf8JsonWriter w, MissionTaskSpec task)
    {
        w.WriteStartObject();
        w.WriteString("kind", task.Kind.ToString().ToLowerInvariant());
        if (task.Id is not null)
        {
            w.WriteString("id", task.Id);
        }

        if (task.Requires is { Count: > 0 })
        {
            w.WritePropertyName("requires");
            w.WriteStartArray();
            foreach (var c in task.Requires)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
        }

        WriteCell(w, "goal", task.Goal);
        WriteCell(w, "pickup", task.Pickup);
        WriteCell(w, "dropoff", task.Dropoff);
        WriteCell(w, "station", task.Station);
        if (task.Places is not null)
        {
            w.WritePropertyName("places");
            w.WriteStartArray();
            foreach (var c in task.Places)
            {
                WriteCell(w, null, c);
            }

            w.WriteEndArray();
        }

        if (task.Kind == MissionTaskKind.Patrol || task.Rounds != 1)
        {
            w.WriteNumber("rounds", task.Rounds);
        }

        if (task.Steps is not null)
        {
            w.WritePropertyName("steps");
            w.WriteStartArray();
            foreach (var step in task.Steps)
            {
                WriteTask(w, step);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, string? name, GridCell? cell)
    {
        if (cell is not { } c)
        {
            return;
        }

        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        w.WriteStartObject();
        w.WriteNumber("x", c.X);
        w.WriteNumber("y", c.Y);
        w.WriteEndObject();
    }
}
