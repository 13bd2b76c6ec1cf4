using System.Globalization;

namespace Coordination.Missions.Allocation;

/// <summary>
/// Checks an <see cref="AllocationProblem"/> and reports every problem at once, each naming the JSON path of the
/// field (<c>$.tasks[2].x: outside the 256x256 map</c>), so code-built problems and JSON input read the same way.
/// </summary>
public static class AllocationProblemValidator
{
    /// <summary>Without a map, coordinates must lie in <c>0..MaxOpenGridCoordinate</c> (keeps every cost an <see cref="int"/>).</summary>
    public const int MaxOpenGridCoordinate = 1_000_000;

    public static IReadOnlyList<string> Validate(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<string>();
        CheckPercent(errors, "$.reserveBatteryPercent", problem.ReserveBatteryPercent);

        if (problem.Robots is null)
        {
            errors.Add("$.robots: is required");
        }
        else
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < problem.Robots.Count; i++)
            {
                var path = $"$.robots[{i}]";
                var robot = problem.Robots[i];
                if (robot is null)
                {
                    errors.Add($"{path}: must be an object");
                    continue;
                }

                CheckId(errors, path, robot.Id, "robot", seen, i, "$.robots");
                CheckCell(errors, path, robot.X, robot.Y, problem);
                CheckNames(errors, $"{path}.capabilities", robot.Capabilities);
                CheckPercent(errors, $"{path}.batteryPercent", robot.BatteryPercent);
            }
        }

        if (problem.Tasks is null)
        {
            errors.Add("$.tasks: is required");
        }
        else
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < problem.Tasks.Count; i++)
            {
                var path = $"$.tasks[{i}]";
                var task = problem.Tasks[i];
                if (task is null)
                {
                    errors.Add($"{path}: must be an object");
                    continue;
                }

                CheckId(errors, path, task.Id, "task", seen, i, "$.tasks");
                CheckCell(errors, path, task.X, task.Y, problem);
                CheckNames(errors, $"{path}.requires", task.Requires);
                CheckPercent(errors, $"{path}.energyPercent", task.EnergyPercent);
            }
        }

        return errors;
    }

    /// <summary>Throws <see cref="AllocationInputException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(AllocationProblem problem)
    {
        var errors = Validate(problem);
        if (errors.Count > 0)
        {
            throw new AllocationInputException(errors);
        }
    }

    private static void CheckId(List<string> errors, string path, string? id, string kind, Dictionary<string, int> seen, int index, string listPath)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add($"{path}.id: must be a non-empty string");
            return;
        }

        if (!seen.TryAdd(id, index))
        {
            errors.Add($"{path}.id: duplicate {kind} id '{id}' (first at {listPath}[{seen[id]}])");
        }
    }

    private static void CheckCell(List<string> errors, string path, int x, int y, AllocationProblem problem)
    {
        var map = problem.Map;
        if (map is null)
        {
            foreach (var (name, value) in new[] { ("x", x), ("y", y) })
            {
                if (value is < 0 or > MaxOpenGridCoordinate)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{name}: must be between 0 and {MaxOpenGridCoordinate} on the open grid (no map given)"));
                }
            }

            return;
        }

        var inside = true;
        if (x < 0 || x >= map.Width)
        {
            errors.Add($"{path}.x: outside the {map.Width}x{map.Height} map");
            inside = false;
        }

        if (y < 0 || y >= map.Height)
        {
            errors.Add($"{path}.y: outside the {map.Width}x{map.Height} map");
            inside = false;
        }

        if (inside && !map.IsPassable(x, y))
        {
            var name = string.IsNullOrEmpty(map.Name) ? "the map" : map.Name;
            errors.Add($"{path}: cell ({x}, {y}) is blocked on {name}");
        }
    }

    private static void CheckNames(List<string> errors, string path, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            errors.Add($"{path}: must be an array of strings");
            return;
        }

        for (var j = 0; j < names.Count; j++)
        {
            if (string.IsNullOrEmpty(names[j]))
            {
                errors.Add($"{path}[{j}]: must be a non-empty string");
            }
        }
    }

    private static void CheckPercent(List<string> errors, string path, double value)
    {
        if (!(value >= 0 && value <= 100))
        {
            errors.Add($"{path}: must be between 0 and 100");
        }
    }
}
