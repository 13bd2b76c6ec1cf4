using System.Globalization;
using Coordination.Common;

namespace Coordination.Missions;

/// <summary>
/// Checks a mission spec against its world's map and the limits; every problem names its field by JSON path
/// (<c>$.tasks[2].dropoff.x: outside the 64x64 map</c>).
/// </summary>
public static class MissionSpecValidator
{
    public const int MaxIdLength = 128;
    public const int MaxTaskIdLength = 64;
    public const int MinPriority = 0;
    public const int MaxPriority = 100;
    public const int MaxRequires = 16;
    public const int MaxCapabilityLength = 64;
    public const int MaxSteps = 64;
    public const int MaxRounds = 1000;

    /// <summary>Every problem of <paramref name="spec"/>, in field order; empty when it is valid.</summary>
    public static IReadOnlyList<SpecError> Validate(
        MissionSpec? spec, WorldMap world, TravelCostCache costs, MissionsOptions options, DateTimeOffset now, string? grainKey = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SpecError>();
        if (spec is null)
        {
            errors.Add(new SpecError("$", "a mission spec is required"));
            return errors;
        }

        if (CheckId(errors, "$.id", spec.Id, allowColon: true, MaxIdLength) && grainKey is not null && !string.Equals(spec.Id, grainKey, StringComparison.Ordinal))
        {
            errors.Add(new SpecError("$.id", $"'{spec.Id}' does not match the mission it was sent to ('{grainKey}')"));
        }

        if (string.IsNullOrWhiteSpace(spec.WorldId))
        {
            errors.Add(new SpecError("$.worldId", "is required"));
        }
        else if (spec.WorldId.Length > MaxIdLength)
        {
            errors.Add(new SpecError("$.worldId", $"longer than {MaxIdLength} characters"));
        }

        if (spec.Priority is < MinPriority or > MaxPriority)
        {
            errors.Add(new SpecError("$.priority", Invariant($"must be between {MinPriority} and {MaxPriority} (got {spec.Priority})")));
        }

        if (spec.Deadline is { } deadline && deadline <= now)
        {
            errors.Add(new SpecError("$.deadline", $"{deadline:O} has already passed"));
        }

        if (spec.Tasks is null || spec.Tasks.Count == 0)
        {
            errors.Add(new SpecError("$.tasks", "at least one task is required"));
            return errors;
        }

        if (spec.Tasks.Count > options.MaxTasksPerMission)
        {
            errors.Add(new SpecError("$.tasks", Invariant($"at most {options.MaxTasksPerMission} tasks (got {spec.Tasks.Count})")));
            return errors;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Tasks.Count; i++)
        {
            CheckTask(errors, Invariant($"$.tasks[{i}]"), spec.Tasks[i], nested: false, ids, world, costs, options);
        }

        return errors;
    }

    /// <summary>Throws <see cref="CoordinationValidationException"/> for the first problem (the message lists the others too).</summary>
    public static void ThrowIfInvalid(IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return;
        }

        var first = errors[0];
        var problem = errors.Count == 1
            ? first.Problem
            : $"{first.Problem} (and {errors.Count - 1} more: {string.Join("; ", errors.Skip(1).Take(9))}{(errors.Count > 10 ? "; ..." : string.Empty)})";
        throw new CoordinationValidationException(first.Path, problem);
    }

    private static void CheckTask(
        List<SpecError> errors, string path, MissionTaskSpec? task, bool nested, Dictionary<string, string> ids,
        WorldMap world, TravelCostCache costs, MissionsOptions options)
    {
        if (task is null)
        {
            errors.Add(new SpecError(path, "must be a task object"));
            return;
        }

        if (!Enum.IsDefined(task.Kind))
        {
            errors.Add(new SpecError($"{path}.kind", "must be one of goto, delivery, patrol, charge, compose"));
            return;
        }

        if (task.Id is not null && CheckId(errors, $"{path}.id", task.Id, allowColon: false, MaxTaskIdLength))
        {
            if (!char.IsAsciiLetter(task.Id[0]))
            {
                errors.Add(new SpecError($"{path}.id", "must start with a letter"));
            }
            else if (!ids.TryAdd(task.Id, path))
            {
                errors.Add(new SpecError($"{path}.id", $"duplicate task id '{task.Id}' (first at {ids[task.Id]})"));
            }
        }

        CheckRequires(errors, $"{path}.requires", task.Requires);
        var kind = task.Kind.ToString().ToLowerInvariant();
        void NotUsed(string field, bool present)
        {
            if (present)
            {
                errors.Add(new SpecError($"{path}.{field}", $"not used by a {kind} task"));
            }
        }

        NotUsed("goal", task.Goal is not null && task.Kind != MissionTaskKind.Goto);
        NotUsed("pickup", task.Pickup is not null && task.Kind != MissionTaskKind.Delivery);
        NotUsed("dropoff", task.Dropoff is not null && task.Kind != MissionTaskKind.Delivery);
        NotUsed("places", task.Places is not null && task.Kind != MissionTaskKind.Patrol);
        NotUsed("rounds", task.Rounds != 1 && task.Kind != MissionTaskKind.Patrol);
        NotUsed("station", task.Station is not null && task.Kind != MissionTaskKind.Charge);
        NotUsed("steps", task.Steps is not null && task.Kind != MissionTaskKind.Compose);

        switch (task.Kind)
        {
            case MissionTaskKind.Goto:
                RequiredCell(errors, $"{path}.goal", task.Goal, world);
                break;
            case MissionTaskKind.Delivery:
                var pickupOk = RequiredCell(errors, $"{path}.pickup", task.Pickup, world);
                var dropoffOk = RequiredCell(errors, $"{path}.dropoff", task.Dropoff, world);
                if (pickupOk && dropoffOk && costs.Distance(world.Grid, task.Pickup!.Value, task.Dropoff!.Value) is null)
                {
                    errors.Add(new SpecError($"{path}.dropoff", $"{task.Dropoff} cannot be reached from the pickup {task.Pickup}"));
                }

                break;
            case MissionTaskKind.Patrol:
                CheckPatrol(errors, path, task, world, costs, options);
                break;
            case MissionTaskKind.Charge:
                // Without a station the robot goes to the nearest charger (or charges where it stands).
                if (task.Station is { } station)
                {
                    CheckCell(errors, $"{path}.station", station, world);
                }

                break;
            case MissionTaskKind.Compose:
                if (nested)
                {
                    errors.Add(new SpecError($"{path}.kind", "a compose step cannot itself be a compose"));
                    return;
                }

                if (task.Steps is null || task.Steps.Count == 0)
                {
                    errors.Add(new SpecError($"{path}.steps", "at least one step is required"));
                    return;
                }

                if (task.Steps.Count > MaxSteps)
                {
                    errors.Add(new SpecError($"{path}.steps", Invariant($"at most {MaxSteps} steps (got {task.Steps.Count})")));
                    return;
                }

                for (var j = 0; j < task.Steps.Count; j++)
                {
                    CheckTask(errors, Invariant($"{path}.steps[{j}]"), task.Steps[j], nested: true, ids, world, costs, options);
                }

                break;
        }
    }

    private static void CheckPatrol(List<SpecError> errors, string path, MissionTaskSpec task, WorldMap world, TravelCostCache costs, MissionsOptions options)
    {
        if (task.Rounds is < 1 or > MaxRounds)
        {
            errors.Add(new SpecError($"{path}.rounds", Invariant($"must be between 1 and {MaxRounds} (got {task.Rounds})")));
        }

        if (task.Places is null || task.Places.Count == 0)
        {
            errors.Add(new SpecError($"{path}.places", "at least one place is required"));
            return;
        }

        var rounds = task.Rounds is < 1 or > MaxRounds ? 1 : task.Rounds;
        if ((long)task.Places.Count * rounds > options.MaxWaypointsPerTask)
        {
            errors.Add(new SpecError($"{path}.places", Invariant($"places times rounds must be at most {options.MaxWaypointsPerTask} (got {task.Places.Count} x {task.Rounds})")));
            return;
        }

        var allOk = true;
        for (var k = 0; k < task.Places.Count; k++)
        {
            allOk &= CheckCell(errors, Invariant($"{path}.places[{k}]"), task.Places[k], world);
        }

        if (!allOk)
        {
            return;
        }

        for (var k = 1; k < task.Places.Count; k++)
        {
            if (costs.Distance(world.Grid, task.Places[k - 1], task.Places[k]) is null)
            {
                errors.Add(new SpecError(Invariant($"{path}.places[{k}]"), $"{task.Places[k]} cannot be reached from the place before it {task.Places[k - 1]}"));
                return;
            }
        }
    }

    private static bool CheckId(List<SpecError> errors, string path, string? id, bool allowColon, int maxLength)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new SpecError(path, "is required (a non-empty string)"));
            return false;
        }

        if (id.Length > maxLength)
        {
            errors.Add(new SpecError(path, $"longer than {maxLength} characters"));
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' || (allowColon && c == ':')))
            {
                var allowed = allowColon ? "letters, digits, '-', '_', '.', ':'" : "letters, digits, '-', '_', '.'";
                errors.Add(new SpecError(path, $"'{id}' has the character '{c}'; allowed are {allowed}"));
                return false;
            }
        }

        return true;
    }

    private static void CheckRequires(List<SpecError> errors, string path, IReadOnlyList<string>? requires)
    {
        if (requires is null)
        {
            return;
        }

        if (requires.Count > MaxRequires)
        {
            errors.Add(new SpecError(path, Invariant($"at most {MaxRequires} capabilities (got {requires.Count})")));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requires.Count; i++)
        {
            var name = requires[i];
            var at = Invariant($"{path}[{i}]");
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new SpecError(at, "must be a non-empty capability name"));
            }
            else if (name.Length > MaxCapabilityLength)
            {
                errors.Add(new SpecError(at, $"longer than {MaxCapabilityLength} characters"));
            }
            else if (!seen.Add(name))
            {
                errors.Add(new SpecError(at, $"'{name}' is listed twice"));
            }
        }
    }

    private static bool RequiredCell(List<SpecError> errors, string path, GridCell? cell, WorldMap world)
    {
        if (cell is not { } c)
        {
            errors.Add(new SpecError(path, "is required ({\"x\": column, \"y\": row})"));
            return false;
        }

        return CheckCell(errors, path, c, world);
    }

    private static bool CheckCell(List<SpecError> errors, string path, GridCell cell, WorldMap world)
    {
        var map = world.Grid;
        var ok = true;
        if (cell.X < 0 || cell.X >= map.Width)
        {
            errors.Add(new SpecError($"{path}.x", Invariant($"{cell.X} is outside the {map.Width}x{map.Height} map (columns 0 to {map.Width - 1})")));
            ok = false;
        }

        if (cell.Y < 0 || cell.Y >= map.Height)
        {
            errors.Add(new SpecError($"{path}.y", Invariant($"{cell.Y} is outside the {map.Width}x{map.Height} map (rows 0 to {map.Height - 1})")));
            ok = false;
        }

        if (ok && !map.IsPassable(cell.X, cell.Y))
        {
            var name = string.IsNullOrEmpty(map.Name) ? "the map" : $"map '{map.Name}'";
            errors.Add(new SpecError(path, $"cell {cell} is blocked on {name}"));
            ok = false;
        }

        return ok;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
