using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Coordination.Placement.Engine;

/// <summary>
/// The JSON formats of <c>coord placement solve</c> (contract <c>placement.md</c>): the cluster input and the plan output.
/// Reading is strict (unknown fields are errors) and reports every problem with its JSON path.
/// </summary>
public static class PlacementJson
{
    private static readonly string[] RootFields = ["nodes", "workloads", "current"];
    private static readonly string[] NodeFields = ["name", "profile", "labels", "taints", "allocatable", "ready", "unschedulable", "telemetry"];
    private static readonly string[] ResourceFields = ["gpuMemoryMiB", "cpuMillicores", "memoryMiB"];
    private static readonly string[] TaintFields = ["key", "value", "effect"];
    private static readonly string[] TelemetryFields = ["gpuUtilization", "temperatureC", "powerWatts", "powerBudgetWatts"];
    private static readonly string[] WorkloadFields = ["name", "replicas", "priority", "requests", "nodeSelector", "tolerations", "antiAffinity", "maxTemperatureC"];
    private static readonly string[] TolerationFields = ["key", "operator", "value", "effect"];
    private static readonly string[] AssignmentFields = ["workload", "replica", "node"];
    private static readonly string[] PlanFields = ["assignments", "unscheduled", "evictions", "moves", "runtimeMs"];
    private static readonly string[] UnscheduledFields = ["workload", "replica", "reason"];
    private static readonly string[] EvictionFields = ["workload", "replica", "node", "reason"];

    private const string Effects = "NoSchedule, PreferNoSchedule, NoExecute";
    private const string Operators = "Equal, Exists";

    /// <summary>Parses and validates a cluster file; throws <see cref="PlacementValidationException"/> listing every error.</summary>
    public static PlacementProblem ReadProblem(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        var reader = new JsonObjectReader();
        var nodes = new List<PlacementNode>();
        var workloads = new List<PlacementWorkload>();
        var current = new List<ReplicaAssignment>();
        reader.ReadObject(document.RootElement, "$", RootFields, (field, value, path) =>
        {
            switch (field)
            {
                case "nodes":
                    nodes = reader.ReadList(value, path, (e, p) => ReadNode(reader, e, p));
                    break;
                case "workloads":
                    workloads = reader.ReadList(value, path, (e, p) => ReadWorkload(reader, e, p));
                    break;
                default:
                    current = reader.ReadList(value, path, (e, p) => ReadAssignment(reader, e, p));
                    break;
            }
        });
        if (reader.Errors.Count > 0)
        {
            throw new PlacementValidationException(reader.Errors);
        }

        var problem = new PlacementProblem(nodes, workloads) { Current = current };
        PlacementProblemValidator.ThrowIfInvalid(problem);
        return problem;
    }

    /// <summary>Parses a plan written by <see cref="WritePlan"/>.</summary>
    public static PlacementPlan ReadPlan(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        var reader = new JsonObjectReader();
        var assignments = new List<ReplicaAssignment>();
        var unscheduled = new List<UnscheduledReplica>();
        var evictions = new List<ReplicaEviction>();
        var moves = 0;
        var runtimeMs = 0.0;
        reader.ReadObject(document.RootElement, "$", PlanFields, (field, value, path) =>
        {
            switch (field)
            {
                case "assignments":
                    assignments = reader.ReadList(value, path, (e, p) => ReadAssignment(reader, e, p));
                    break;
                case "unscheduled":
                    unscheduled = reader.ReadList(value, path, (e, p) =>
                    {
                        string workload = "", reason = "";
                        var replica = 0;
                        reader.ReadObject(e, p, UnscheduledFields, (f, v, q) =>
                        {
                            switch (f)
                            {
                                case "workload": workload = reader.String(v, q); break;
                                case "replica": replica = reader.Int32(v, q); break;
                                default: reason = reader.String(v, q); break;
                            }
                        });
                        return new UnscheduledReplica(workload, replica, reason);
                    });
                    break;
                case "evictions":
                    evictions = reader.ReadList(value, path, (e, p) =>
                    {
                        string workload = "", node = "", reason = "";
                        var replica = 0;
                        reader.ReadObject(e, p, EvictionFields, (f, v, q) =>
                        {
                            switch (f)
                            {
                                case "workload": workload = reader.String(v, q); break;
                                case "replica": replica = reader.Int32(v, q); break;
                                case "node": node = reader.String(v, q); break;
                                default: reason = reader.String(v, q); break;
                            }
                        });
                        return new ReplicaEviction(workload, replica, node, reason);
                    });
                    break;
                case "moves":
                    moves = reader.Int32(value, path);
                    break;
                default:
                    runtimeMs = reader.Double(value, path);
                    break;
            }
        });
        if (reader.Errors.Count > 0)
        {
            throw new PlacementValidationException(reader.Errors);
        }

        return new PlacementPlan(assignments, unscheduled, evictions, moves, TimeSpan.FromMilliseconds(runtimeMs));
    }

    /// <summary>Writes a plan in the contract's output format (indented).</summary>
    public static string WritePlan(PlacementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("assignments");
            foreach (var a in plan.Assignments)
            {
                WriteAssignment(writer, a);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unscheduled");
            foreach (var u in plan.Unscheduled)
            {
                writer.WriteStartObject();
                writer.WriteString("workload", u.Workload);
                writer.WriteNumber("replica", u.Replica);
                writer.WriteString("reason", u.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("evictions");
            foreach (var e in plan.Evictions)
            {
                writer.WriteStartObject();
                writer.WriteString("workload", e.Workload);
                writer.WriteNumber("replica", e.Replica);
                writer.WriteString("node", e.Node);
                writer.WriteString("reason", e.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("moves", plan.Moves);
            writer.WriteNumber("runtimeMs", Math.Round(plan.Runtime.TotalMilliseconds, 3));
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes a problem in the contract's input format (every field, indented); <see cref="ReadProblem"/> reads it back.</summary>
    public static string WriteProblem(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");
            foreach (var node in problem.Nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", node.Name);
                if (node.Profile is not null)
                {
                    writer.WriteString("profile", node.Profile);
                }

                WriteMap(writer, "labels", node.Labels);
                writer.WriteStartArray("taints");
                foreach (var taint in node.Taints)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", taint.Key);
                    writer.WriteString("value", taint.Value);
                    writer.WriteString("effect", taint.Effect.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                WriteResources(writer, "allocatable", node.Allocatable);
                writer.WriteBoolean("ready", node.Ready);
                writer.WriteBoolean("unschedulable", node.Unschedulable);
                if (node.Telemetry is { } t)
                {
                    writer.WriteStartObject("telemetry");
                    WriteOptional(writer, "gpuUtilization", t.GpuUtilization);
                    WriteOptional(writer, "temperatureC", t.TemperatureC);
                    WriteOptional(writer, "powerWatts", t.PowerWatts);
                    WriteOptional(writer, "powerBudgetWatts", t.PowerBudgetWatts);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workloads");
            foreach (var workload in problem.Workloads)
            {
                writer.WriteStartObject();
                writer.WriteString("name", workload.Name);
                writer.WriteNumber("replicas", workload.Replicas);
                writer.WriteNumber("priority", workload.Priority);
                WriteResources(writer, "requests", workload.Requests);
                WriteMap(writer, "nodeSelector", workload.NodeSelector);
                writer.WriteStartArray("tolerations");
                foreach (var toleration in workload.Tolerations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", toleration.Key);
                    writer.WriteString("operator", toleration.Operator.ToString());
                    writer.WriteString("value", toleration.Value);
                    if (toleration.Effect is { } effect)
                    {
                        writer.WriteString("effect", effect.ToString());
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("antiAffinity");
                foreach (var name in workload.AntiAffinity)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                WriteOptional(writer, "maxTemperatureC", workload.MaxTemperatureC);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("current");
            foreach (var a in problem.Current)
            {
                WriteAssignment(writer, a);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: ")
                : "invalid JSON: ";
            throw new PlacementValidationException([new PlacementValidationError("$", where + message)]);
        }
    }

    private static PlacementNode? ReadNode(JsonObjectReader reader, JsonElement element, string path)
    {
        string? name = null;
        var node = new PlacementNode("");
        var ok = reader.ReadObject(element, path, NodeFields, (field, value, p) =>
        {
            switch (field)
            {
                case "name": name = reader.String(value, p); break;
                case "profile": node = node with { Profile = reader.String(value, p) }; break;
                case "labels": node = node with { Labels = reader.ReadStringMap(value, p) }; break;
                case "taints": node = node with { Taints = reader.ReadList(value, p, (e, q) => ReadTaint(reader, e, q)) }; break;
                case "allocatable": node = node with { Allocatable = ReadResources(reader, value, p) }; break;
                case "ready": node = node with { Ready = reader.Bool(value, p) }; break;
                case "unschedulable": node = node with { Unschedulable = reader.Bool(value, p) }; break;
                default: node = node with { Telemetry = ReadTelemetry(reader, value, p) }; break;
            }
        });
        if (!ok)
        {
            return null;
        }

        if (name is null)
        {
            reader.Errors.Add(new($"{path}.name", "is required"));
        }

        return node with { Name = name ?? "" };
    }

    private static Taint? ReadTaint(JsonObjectReader reader, JsonElement element, string path)
    {
        var taint = new Taint("");
        return reader.ReadObject(element, path, TaintFields, (field, value, p) =>
        {
            switch (field)
            {
                case "key": taint = taint with { Key = reader.String(value, p) }; break;
                case "value": taint = taint with { Value = reader.String(value, p) }; break;
                default: taint = taint with { Effect = reader.Enum<TaintEffect>(value, p, Effects) }; break;
            }
        })
            ? taint
            : null;
    }

    private static Resources ReadResources(JsonObjectReader reader, JsonElement element, string path)
    {
        long gpu = 0, cpu = 0, memory = 0;
        reader.ReadObject(element, path, ResourceFields, (field, value, p) =>
        {
            switch (field)
            {
                case "gpuMemoryMiB": gpu = reader.Int64(value, p); break;
                case "cpuMillicores": cpu = reader.Int64(value, p); break;
                default: memory = reader.Int64(value, p); break;
            }
        });
        return new Resources(gpu, cpu, memory);
    }

    private static NodeTelemetry? ReadTelemetry(JsonObjectReader reader, JsonElement element, string path)
    {
        var telemetry = new NodeTelemetry();
        return reader.ReadObject(element, path, TelemetryFields, (field, value, p) =>
        {
            var number = reader.Double(value, p);
            telemetry = field switch
            {
                "gpuUtilization" => telemetry with { GpuUtilization = number },
                "temperatureC" => telemetry with { TemperatureC = number },
                "powerWatts" => telemetry with { PowerWatts = number },
                _ => telemetry with { PowerBudgetWatts = number },
            };
        })
            ? telemetry
            : null;
    }

    private static PlacementWorkload? ReadWorkload(JsonObjectReader reader, JsonElement element, string path)
    {
        string? name = null;
        var workload = new PlacementWorkload("");
        var ok = reader.ReadObject(element, path, WorkloadFields, (field, value, p) =>
        {
            switch (field)
            {
                case "name": name = reader.String(value, p); break;
                case "replicas": workload = workload with { Replicas = reader.Int32(value, p) }; break;
                case "priority": workload = workload with { Priority = reader.Int32(value, p) }; break;
                case "requests": workload = workload with { Requests = ReadResources(reader, value, p) }; break;
                case "nodeSelector": workload = workload with { NodeSelector = reader.ReadStringMap(value, p) }; break;
                case "tolerations": workload = workload with { Tolerations = reader.ReadList(value, p, (e, q) => ReadToleration(reader, e, q)) }; break;
                case "antiAffinity": workload = workload with { AntiAffinity = reader.ReadList(value, p, (e, q) => reader.String(e, q)) }; break;
                default: workload = workload with { MaxTemperatureC = reader.Double(value, p) }; break;
            }
        });
        if (!ok)
        {
            return null;
        }

        if (name is null)
        {
            reader.Errors.Add(new($"{path}.name", "is required"));
        }

        return workload with { Name = name ?? "" };
    }

    private static Toleration? ReadToleration(JsonObjectReader reader, JsonElement element, string path)
    {
        var toleration = new Toleration();
        return reader.ReadObject(element, path, TolerationFields, (field, value, p) =>
        {
            switch (field)
            {
                case "key": toleration = toleration with { Key = reader.String(value, p) }; break;
                case "operator": toleration = toleration with { Operator = reader.Enum<TolerationOperator>(value, p, Operators) }; break;
                case "value": toleration = toleration with { Value = reader.String(value, p) }; break;
                default:
                    // An empty effect matches every effect, like an absent one.
                    toleration = value.ValueKind == JsonValueKind.String && value.GetString() == ""
                        ? toleration with { Effect = null }
                        : toleration with { Effect = reader.Enum<TaintEffect>(value, p, Effects) };
                    break;
            }
        })
            ? toleration
            : null;
    }

    private static ReplicaAssignment? ReadAssignment(JsonObjectReader reader, JsonElement element, string path)
    {
        string? workload = null, node = null;
        var replica = 0;
        var ok = reader.ReadObject(element, path, AssignmentFields, (field, value, p) =>
        {
            switch (field)
            {
                case "workload": workload = reader.String(value, p); break;
                case "replica": replica = reader.Int32(value, p); break;
                default: node = reader.String(value, p); break;
            }
        });
        if (!ok)
        {
            return null;
        }

        if (workload is null)
        {
            reader.Errors.Add(new($"{path}.workload", "is required"));
        }

        if (node is null)
        {
            reader.Errors.Add(new($"{path}.node", "is required"));
        }

        return new ReplicaAssignment(workload ?? "", replica, node ?? "");
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteAssignment(Utf8JsonWriter writer, ReplicaAssignment a)
    {
        writer.WriteStartObject();
        writer.WriteString("workload", a.Workload);
        writer.WriteNumber("replica", a.Replica);
        writer.WriteString("node", a.Node);
        writer.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter writer, string name, Resources resources)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("gpuMemoryMiB", resources.GpuMemoryMiB);
        writer.WriteNumber("cpuMillicores", resources.CpuMillicores);
        writer.WriteNumber("memoryMiB", resources.MemoryMiB);
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
