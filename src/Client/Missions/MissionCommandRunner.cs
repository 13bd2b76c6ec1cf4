using System.Globalization;
using System.Text.Json;
using Coordination.Common;
using Coordination.Missions;

namespace Coordination.Client.Missions;

/// <summary>
/// What <c>coord mission submit|status|watch|cancel|ls</c> do once connected: plain text (or JSON) on
/// <c>stdout</c>, one <c>coord: ...</c> line on <c>stderr</c> for a problem. Exit codes: 0 done (for watch: the
/// mission completed), 1 the mission failed or was cancelled (watch, submit --watch), 2 bad input (the message
/// names the file and the JSON path, or the mission id).
/// </summary>
public sealed class MissionCommandRunner(MissionsClient missions, TextWriter stdout, TextWriter stderr)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>Submits the spec in <paramref name="json"/> (read from <paramref name="source"/>, named in errors).</summary>
    public async Task<int> SubmitAsync(string json, string source, bool watch, bool asJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        MissionSnapshot snapshot;
        try
        {
            var spec = MissionSpecJson.Parse(json);
            snapshot = await missions.SubmitAsync(spec);
        }
        catch (CoordinationValidationException e)
        {
            return await Bad($"{source}: {e.Message}");
        }

        if (!watch)
        {
            await Write(snapshot, asJson);
            return Ok;
        }

        // The acknowledgment comes first (the mission as stored, before any robot took it), then every change.
        return await WatchAsync(snapshot.MissionId, asJson, cancellationToken, acknowledged: snapshot);
    }

    public async Task<int> StatusAsync(string missionId, bool history, bool asJson)
    {
        var snapshot = await Find(missionId);
        if (snapshot is null)
        {
            return await Bad($"no mission '{missionId}' was submitted");
        }

        var events = history ? await missions.GetHistoryAsync(missionId) : null;
        if (asJson)
        {
            var text = events is null
                ? JsonSerializer.Serialize(snapshot, MissionJson.Options)
                : JsonSerializer.Serialize(new { mission = snapshot, history = events }, MissionJson.Options);
            await stdout.WriteLineAsync(text);
            return Ok;
        }

        await WriteText(snapshot);
        if (events is not null)
        {
            await stdout.WriteLineAsync();
            foreach (var e in events)
            {
                await stdout.WriteLineAsync(Line(e));
            }
        }

        return Ok;
    }

    /// <summary>Prints the mission's status and every change until it is over (one JSON object per line with <paramref name="asJson"/>).</summary>
    /// <param name="acknowledged">The snapshot a submission returned: printed first, as the status the mission had when it was stored.</param>
    public async Task<int> WatchAsync(string missionId, bool asJson, CancellationToken cancellationToken = default, MissionSnapshot? acknowledged = null)
    {
        MissionSnapshot? last = null;
        long printed = 0;

        // JSON: each new version of the mission. Text: the mission once, then each new event of its history.
        async Task Show(MissionSnapshot snapshot)
        {
            if (asJson)
            {
                if (last is null || snapshot.Version != last.Version)
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(snapshot, MissionJson.Lines));
                }
            }
            else
            {
                if (last is null)
                {
                    await WriteText(snapshot);
                }

                foreach (var e in await missions.GetHistoryAsync(missionId, printed))
                {
                    await stdout.WriteLineAsync(Line(e));
                    printed = e.Sequence;
                }
            }

            last = snapshot;
        }

        try
        {
            if (acknowledged is not null)
            {
                await Show(acknowledged);
            }

            await foreach (var snapshot in missions.WatchAsync(missionId, cancellationToken))
            {
                await Show(snapshot);
            }
        }
        catch (CoordinationValidationException e)
        {
            return await Bad(e.Message);
        }

        if (!asJson && last is not null)
        {
            await stdout.WriteLineAsync(Invariant($"mission {last.MissionId} {Word(last.Status)}{(last.Reason is null ? string.Empty : $": {last.Reason}")}"));
        }

        return last?.Status == MissionStatus.Completed ? Ok : Failed;
    }

    public async Task<int> CancelAsync(string missionId, string? reason, bool asJson)
    {
        try
        {
            var snapshot = await missions.CancelAsync(missionId, reason);
            await Write(snapshot, asJson);
            return Ok;
        }
        catch (CoordinationValidationException e)
        {
            return await Bad(e.Message);
        }
    }

    public async Task<int> ListAsync(string? status, string? worldId, int limit, bool asJson)
    {
        IReadOnlyList<MissionSummary> rows;
        try
        {
            rows = await missions.ListAsync(status, worldId, limit);
        }
        catch (CoordinationValidationException e)
        {
            return await Bad($"--{e.Field}: {e.Problem}");
        }

        if (asJson)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(rows, MissionJson.Options));
            return Ok;
        }

        var table = new List<string[]> { new[] { "MISSION", "WORLD", "STATUS", "PRIORITY", "TASKS", "SUBMITTED", "REASON" } };
        table.AddRange(rows.Select(r => new[]
        {
            r.MissionId, r.WorldId, Word(r.Status), Invariant($"{r.Priority}"), Invariant($"{r.TasksCompleted}/{r.TaskCount}"),
            r.SubmittedAt.ToString("u", CultureInfo.InvariantCulture), r.Reason ?? string.Empty,
        }));
        await WriteTable(table);
        await stdout.WriteLineAsync(Invariant($"{rows.Count} mission(s)"));
        return Ok;
    }

    private async Task<MissionSnapshot?> Find(string missionId)
    {
        try
        {
            return await missions.GetStatusAsync(missionId);
        }
        catch (CoordinationValidationException)
        {
            return null;
        }
    }

    private async Task Write(MissionSnapshot snapshot, bool asJson)
    {
        if (asJson)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(snapshot, MissionJson.Options));
        }
        else
        {
            await WriteText(snapshot);
        }
    }

    private async Task WriteText(MissionSnapshot s)
    {
        await stdout.WriteLineAsync(Invariant($"mission {s.MissionId} in world {s.WorldId}: {Word(s.Status)}{(s.Reason is null ? string.Empty : $" ({s.Reason})")}"));
        await stdout.WriteLineAsync(Invariant(
            $"priority {s.Priority}, submitted {s.SubmittedAt:u}{(s.Deadline is { } d ? $", deadline {d:u}" : string.Empty)}{(s.EstimatedSeconds is { } est ? $", estimated {est:0.#} s" : string.Empty)}{(s.ActualSeconds is { } act ? $", took {act:0.#} s" : string.Empty)}"));
        var table = new List<string[]> { new[] { "TASK", "KIND", "STATUS", "ROBOT", "WAYPOINTS", "ESTIMATE", "ACTUAL", "REASON" } };
        table.AddRange(s.Tasks.Select(t => new[]
        {
            t.TaskId, Word(t.Kind), Word(t.Status), t.RobotId ?? "-", Invariant($"{t.WaypointsReached}/{t.Waypoints.Count}"),
            t.EstimatedSeconds is { } e ? Invariant($"{e:0.#} s") : "-", t.ActualSeconds is { } a ? Invariant($"{a:0.#} s") : "-", t.Reason ?? string.Empty,
        }));
        await WriteTable(table);
    }

    private async Task WriteTable(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            await stdout.WriteLineAsync(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private async Task<int> Bad(string message)
    {
        await stderr.WriteLineAsync($"coord: {message}");
        return BadInput;
    }

    private static string Line(MissionEvent e) =>
        Invariant($"{e.At:HH:mm:ss.fff}  #{e.Sequence,-4} {Word(e.Kind),-16} {string.Join(": ", new[] { Subject(e), e.Detail }.Where(p => !string.IsNullOrEmpty(p)))}").TrimEnd();

    private static string Subject(MissionEvent e) =>
        e.RobotId is null ? e.TaskId ?? string.Empty : $"{e.TaskId ?? string.Empty} robot {e.RobotId}".TrimStart();

    /// <summary>An enum value as operators read it: <c>TaskAssigned</c> becomes <c>task-assigned</c>.</summary>
    private static string Word<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
