using System.Globalization;

namespace Coordination.Placement.Engine;

/// <summary>
/// Semantic checks of a <see cref="PlacementProblem"/>, reported with the JSON path of the field
/// (<c>$.workloads[3].requests.gpuMemoryMiB: must be >= 0</c>), whether the problem came from JSON or from code.
/// </summary>
public static class PlacementProblemValidator
{
    /// <summary>Upper bound on <see cref="PlacementWorkload.Replicas"/>, so a typo cannot exhaust memory.</summary>
    public const int MaxReplicasPerWorkload = 1_000_000;

    /// <summary>Returns every error found (empty when the problem is valid).</summary>
    public static IReadOnlyList<PlacementValidationError> Validate(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<PlacementValidationError>();
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var workloadIndex = new Dictionary<string, int>(StringComparer.Ordinal);

        if (problem.Nodes is null)
        {
            errors.Add(new("$.nodes", "must be a list"));
        }
        else
        {
            for (var i = 0; i < problem.Nodes.Count; i++)
            {
                ValidateNode(problem.Nodes[i], $"$.nodes[{i}]", i, nodeIndex, errors);
            }
        }

        if (problem.Workloads is null)
        {
            errors.Add(new("$.workloads", "must be a list"));
        }
        else
        {
            for (var i = 0; i < problem.Workloads.Count; i++)
            {
                ValidateWorkload(problem.Workloads[i], $"$.workloads[{i}]", i, workloadIndex, errors);
            }
        }

        if (problem.Current is null)
        {
            errors.Add(new("$.current", "must be a list"));
        }
        else if (problem.Workloads is not null)
        {
            ValidateCurrent(problem, nodeIndex, workloadIndex, errors);
        }

        return errors;
    }

    /// <summary>Throws <see cref="PlacementValidationException"/> when <see cref="Validate"/> finds errors.</summary>
    public static void ThrowIfInvalid(PlacementProblem problem)
    {
        var errors = Validate(problem);
        if (errors.Count > 0)
        {
            throw new PlacementValidationException(errors);
        }
    }

    private static void ValidateNode(PlacementNode? node, string path, int index, Dictionary<string, int> names, List<PlacementValidationError> errors)
    {
        if (node is null)
        {
            errors.Add(new(path, "must be an object"));
            return;
        }

        CheckName(node.Name, path, "node", index, "$.nodes", names, errors);
        CheckMap(node.Labels, $"{path}.labels", errors);
        CheckResources(node.Allocatable, $"{path}.allocatable", errors);
        if (node.Taints is null)
        {
            errors.Add(new($"{path}.taints", "must be a list"));
        }
        else
        {
            for (var t = 0; t < node.Taints.Count; t++)
            {
                var taint = node.Taints[t];
                var taintPath = $"{path}.taints[{t}]";
                if (taint is null)
                {
                    errors.Add(new(taintPath, "must be an object"));
                    continue;
                }

                if (taint.Key is null)
                {
                    errors.Add(new($"{taintPath}.key", "must be a string"));
                }

                if (taint.Value is null)
                {
                    errors.Add(new($"{taintPath}.value", "must be a string"));
                }

                if (!Enum.IsDefined(taint.Effect))
                {
                    errors.Add(new($"{taintPath}.effect", "must be NoSchedule, PreferNoSchedule or NoExecute"));
                }
            }
        }

        if (node.Telemetry is { } telemetry)
        {
            var telemetryPath = $"{path}.telemetry";
            if (telemetry.GpuUtilization is { } utilization && !(utilization >= 0 && utilization <= 1))
            {
                errors.Add(new($"{telemetryPath}.gpuUtilization", "must be between 0 and 1"));
            }

            if (telemetry.TemperatureC is { } temperature && !double.IsFinite(temperature))
            {
                errors.Add(new($"{telemetryPath}.temperatureC", "must be a finite number"));
            }

            if (telemetry.PowerWatts is { } power && !(power >= 0 && double.IsFinite(power)))
            {
                errors.Add(new($"{telemetryPath}.powerWatts", "must be >= 0"));
            }

            if (telemetry.PowerBudgetWatts is { } budget && !(budget >= 0 && double.IsFinite(budget)))
            {
                errors.Add(new($"{telemetryPath}.powerBudgetWatts", "must be >= 0"));
            }
        }
    }

    private static void ValidateWorkload(PlacementWorkload? workload, string path, int index, Dictionary<string, int> names, List<PlacementValidationError> errors)
    {
        if (workload is null)
        {
            errors.Add(new(path, "must be an object"));
            return;
        }

        CheckName(workload.Name, path, "workload", index, "$.workloads", names, errors);
        if (workload.Replicas < 0)
        {
            errors.Add(new($"{path}.replicas", "must be >= 0"));
        }
        else if (workload.Replicas > MaxReplicasPerWorkload)
        {
            errors.Add(new($"{path}.replicas", string.Create(CultureInfo.InvariantCulture, $"must be <= {MaxReplicasPerWorkload}")));
        }

        CheckResources(workload.Requests, $"{path}.requests", errors);
        CheckMap(workload.NodeSelector, $"{path}.nodeSelector", errors);
        if (workload.Tolerations is null)
        {
            errors.Add(new($"{path}.tolerations", "must be a list"));
        }
        else
        {
            for (var t = 0; t < workload.Tolerations.Count; t++)
            {
                var toleration = workload.Tolerations[t];
                var tolerationPath = $"{path}.tolerations[{t}]";
                if (toleration is null)
                {
                    errors.Add(new(tolerationPath, "must be an object"));
                    continue;
                }

                if (toleration.Key is null)
                {
                    errors.Add(new($"{tolerationPath}.key", "must be a string"));
                }

                if (toleration.Value is null)
                {
                    errors.Add(new($"{tolerationPath}.value", "must be a string"));
                }

                if (!Enum.IsDefined(toleration.Operator))
                {
                    errors.Add(new($"{tolerationPath}.operator", "must be Equal or Exists"));
                }
                else if (toleration.Operator == TolerationOperator.Exists && !string.IsNullOrEmpty(toleration.Value))
                {
                    errors.Add(new($"{tolerationPath}.value", "must be empty when operator is Exists"));
                }

                if (toleration.Effect is { } effect && !Enum.IsDefined(effect))
                {
                    errors.Add(new($"{tolerationPath}.effect", "must be NoSchedule, PreferNoSchedule or NoExecute"));
                }
            }
        }

        if (workload.AntiAffinity is null)
        {
            errors.Add(new($"{path}.antiAffinity", "must be a list"));
        }
        else
        {
            for (var a = 0; a < workload.AntiAffinity.Count; a++)
            {
                if (string.IsNullOrEmpty(workload.AntiAffinity[a]))
                {
                    errors.Add(new($"{path}.antiAffinity[{a}]", "must be a non-empty workload name"));
                }
            }
        }

        if (workload.MaxTemperatureC is { } max && !double.IsFinite(max))
        {
            errors.Add(new($"{path}.maxTemperatureC", "must be a finite number"));
        }
    }

    private static void ValidateCurrent(PlacementProblem problem, Dictionary<string, int> nodes, Dictionary<string, int> workloads, List<PlacementValidationError> errors)
    {
        var seen = new Dictionary<(string Workload, int Replica), int>();
        for (var i = 0; i < problem.Current.Count; i++)
        {
            var entry = problem.Current[i];
            var path = $"$.current[{i}]";
            if (entry is null)
            {
                errors.Add(new(path, "must be an object"));
                continue;
            }

            var valid = true;
            if (entry.Workload is null || !workloads.TryGetValue(entry.Workload, out var workloadIndex))
            {
                errors.Add(new($"{path}.workload", entry.Workload is null ? "is required" : $"unknown workload '{entry.Workload}'"));
                valid = false;
            }
            else
            {
                var replicas = problem.Workloads[workloadIndex].Replicas;
                if (entry.Replica < 0 || entry.Replica >= replicas)
                {
                    errors.Add(new($"{path}.replica", replicas == 0
                        ? string.Create(CultureInfo.InvariantCulture, $"{entry.Replica} is out of range (workload '{entry.Workload}' has no replicas)")
                        : string.Create(CultureInfo.InvariantCulture, $"{entry.Replica} is out of range 0..{replicas - 1} (workload '{entry.Workload}' has {replicas} replicas)")));
                    valid = false;
                }
            }

            if (entry.Node is null || !nodes.ContainsKey(entry.Node))
            {
                errors.Add(new($"{path}.node", entry.Node is null ? "is required" : $"unknown node '{entry.Node}'"));
                valid = false;
            }

            if (valid)
            {
                if (seen.TryGetValue((entry.Workload!, entry.Replica), out var first))
                {
                    errors.Add(new(path, string.Create(CultureInfo.InvariantCulture, $"replica {entry.Replica} of '{entry.Workload}' is already placed by $.current[{first}]")));
                }
                else
                {
                    seen.Add((entry.Workload!, entry.Replica), i);
                }
            }
        }
    }

    private static void CheckName(string? name, string path, string kind, int index, string listPath, Dictionary<string, int> names, List<PlacementValidationError> errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new($"{path}.name", name is null ? "is required" : "must not be empty"));
            return;
        }

        if (!names.TryAdd(name, index))
        {
            errors.Add(new($"{path}.name", string.Create(CultureInfo.InvariantCulture, $"duplicate {kind} name '{name}' (first at {listPath}[{names[name]}])")));
        }
    }

    private static void CheckResources(Resources resources, string path, List<PlacementValidationError> errors)
    {
        if (resources.GpuMemoryMiB < 0)
        {
            errors.Add(new($"{path}.gpuMemoryMiB", "must be >= 0"));
        }

        if (resources.CpuMillicores < 0)
        {
            errors.Add(new($"{path}.cpuMillicores", "must be >= 0"));
        }

        if (resources.MemoryMiB < 0)
        {
            errors.Add(new($"{path}.memoryMiB", "must be >= 0"));
        }
    }

    private static void CheckMap(IReadOnlyDictionary<string, string>? map, string path, List<PlacementValidationError> errors)
    {
        if (map is null)
        {
            errors.Add(new(path, "must be an object"));
            return;
        }

        foreach (var (key, value) in map)
        {
            if (key.Length == 0)
            {
                errors.Add(new(path, "label keys must not be empty"));
            }
            else if (value is null)
            {
                errors.Add(new(JsonPaths.Property(path, key), "must be a string"));
            }
        }
    }
}
