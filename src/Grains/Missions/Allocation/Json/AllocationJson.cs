using System.Globalization;
using System.Text;
using System.Text.Json;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// The JSON form of the contract (<c>/work/shared/contracts/dispatch.md</c>): reads a problem, strictly (unknown and
/// duplicate fields, wrong types and missing required fields are errors naming their JSON path), and writes a result.
/// </summary>
public static class AllocationJson
{
    /// <summary>
    /// Parses and validates a problem. Required: <c>robots</c>, <c>tasks</c>, and each entry's <c>id</c>, <c>x</c>,
    /// <c>y</c>, plus <c>batteryPercent</c> and <c>available</c> for robots. Optional: <c>capabilities</c> and
    /// <c>requires</c> (default empty), <c>priority</c>, <c>energyPercent</c> and <c>reserveBatteryPercent</c> (default 0).
    /// </summary>
    /// <exception cref="AllocationInputException">Every problem found, each starting with its JSON path.</exception>
    public static AllocationProblem ReadProblem(string json, GridMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new AllocationInputException([SyntaxError(e)]);
        }

        using (document)
        {
            var reader = new ProblemReader();
            var problem = reader.Read(document.RootElement, map);
            var errors = reader.Errors;
            if (reader.HasProblem)
            {
                errors.AddRange(AllocationProblemValidator.Validate(problem).Where(m => !reader.IsBroken(PathOf(m))));
            }

            if (errors.Count > 0)
            {
                throw new AllocationInputException(errors);
            }

            return problem;
        }
    }

    /// <summary>Writes <c>{"assignments": [{"robot", "task", "cost"}], "unassigned": [...], "totalCost", "runtimeMs"}</c>.</summary>
    public static string WriteResult(AllocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("assignments");
            foreach (var a in result.Assignments)
            {
                writer.WriteStartObject();
                writer.WriteString("robot", a.Robot);
                writer.WriteString("task", a.Task);
                writer.WriteNumber("cost", a.Cost);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unassigned");
            foreach (var id in result.Unassigned)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteNumber("totalCost", result.TotalCost);
            writer.WriteNumber("runtimeMs", Math.Round(result.Runtime.TotalMilliseconds, 3));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes a problem as input JSON (the map, if any, is not part of it).</summary>
    public static string WriteProblem(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("robots");
            foreach (var r in problem.Robots)
            {
                writer.WriteStartObject();
                writer.WriteString("id", r.Id);
                writer.WriteNumber("x", r.X);
                writer.WriteNumber("y", r.Y);
                WriteStrings(writer, "capabilities", r.Capabilities);
                writer.WriteNumber("batteryPercent", r.BatteryPercent);
                writer.WriteBoolean("available", r.Available);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("tasks");
            foreach (var t in problem.Tasks)
            {
                writer.WriteStartObject();
                writer.WriteString("id", t.Id);
                writer.WriteNumber("x", t.X);
                writer.WriteNumber("y", t.Y);
                WriteStrings(writer, "requires", t.Requires);
                writer.WriteNumber("priority", t.Priority);
                writer.WriteNumber("energyPercent", t.EnergyPercent);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("reserveBatteryPercent", problem.ReserveBatteryPercent);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static string PathOf(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? message : message[..colon];
    }

    private static string SyntaxError(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var line = (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"$: invalid JSON at line {line}, column {column}: {message}");
    }
}
