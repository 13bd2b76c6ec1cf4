using System.Text.Json;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Mapf.Running;

/// <summary>Writes the JSON document of <c>coord plan</c> (see the MAPF contract): paths as <c>[x, y]</c> per timestep.</summary>
public static class PlanResultJson
{
    public static void Write(Stream stream, GridMap map, string mapName, string scenName, int agents, MapfSolution solution)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(solution);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("map", mapName);
        w.WriteString("scen", scenName);
        w.WriteNumber("agents", agents);
        w.WriteBoolean("solved", solution.Solved);
        w.WriteNumber("runtimeMs", Math.Round(solution.Elapsed.TotalMilliseconds, 1));
        if (solution.Solved)
        {
            w.WriteNumber("sumOfCosts", solution.SumOfCosts);
            w.WriteNumber("makespan", solution.Makespan);
        }
        else
        {
            w.WriteNull("sumOfCosts");
            w.WriteNull("makespan");
        }

        w.WriteNumber("lowerBound", solution.LowerBound);
        w.WriteStartArray("paths");
        foreach (var path in solution.Paths)
        {
            w.WriteStartArray();
            foreach (var cell in path)
            {
                var (x, y) = map.ToXY(cell);
                w.WriteStartArray();
                w.WriteNumberValue(x);
                w.WriteNumberValue(y);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
