using System.Globalization;
using System.Text;
using System.Text.Json;
using Coordination.Common;
using Coordination.World;

namespace Coordination.Client.World;

/// <summary>
/// What <c>coord world ...</c> does, callable without the CLI: each method writes its result to
/// <paramref name="stdout"/> (text or JSON), one-line errors to <paramref name="stderr"/>, and returns the exit code
/// (<see cref="Ok"/>, <see cref="Failed"/>, <see cref="BadInput"/>).
/// </summary>
public sealed class WorldCommandRunner(WorldClient world, TextWriter stdout, TextWriter stderr)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Task<int> UploadAsync(string worldId, string mapPath, bool json, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var info = await world.UploadMapFileAsync(worldId, mapPath, cancellationToken);
            await WriteAsync(json, info, $"world {info.WorldId}: map {info.MapName} {info.Width}x{info.Height} uploaded as version {info.MapVersion} " +
                $"({info.PassableCells} passable cells, {info.Regions.Count} region(s))");
            return Ok;
        });

    public Task<int> ShowAsync(string worldId, bool json, bool drawMap) =>
        RunAsync(async () =>
        {
            if (await world.GetInfoAsync(worldId) is null)
            {
                await stderr.WriteLineAsync($"coord: world '{worldId}' has no map; upload one with 'coord world upload'");
                return Failed;
            }

            var snapshot = await world.GetSnapshotAsync(worldId);
            if (json)
            {
                var m = snapshot.Map;
                await stdout.WriteLineAsync(JsonSerializer.Serialize(
                    new { snapshot.Version, m.Info, m.Obstacles, snapshot.Robots, Regions = snapshot.Regions.Select(r => new { r.RegionKey, r.Version }), Rows = drawMap ? m.Rows : null },
                    Json));
                return Ok;
            }

            await stdout.WriteLineAsync(Describe(snapshot, drawMap));
            return Ok;
        });

    public Task<int> AddObstacleAsync(string worldId, string cellText, double? ttlSeconds, string source, bool json) =>
        RunAsync(async () =>
        {
            var cell = ParseCell("--cell", cellText);
            TimeSpan? ttl = null;
            if (ttlSeconds is { } s)
            {
                if (!double.IsFinite(s) || s <= 0)
                {
                    throw new CoordinationValidationException("--ttl", "must be a positive number of seconds");
                }

                ttl = TimeSpan.FromSeconds(s);
            }

            var obstacle = await world.AddObstacleAsync(worldId, cell, ttl, source);
            var until = obstacle.ExpiresAt is { } e ? "until " + e.ToString("u", CultureInfo.InvariantCulture) : "until removed";
            await WriteAsync(json, obstacle, $"world {worldId}: obstacle at {obstacle.Cell} {until}");
            return Ok;
        });

    public Task<int> RemoveObstacleAsync(string worldId, string cellText, bool json) =>
        RunAsync(async () =>
        {
            var cell = ParseCell("--cell", cellText);
            var removed = await world.RemoveObstacleAsync(worldId, cell);
            await WriteAsync(json, new { cell, removed }, removed ? $"world {worldId}: obstacle at {cell} removed" : $"world {worldId}: no obstacle at {cell}");
            return removed ? Ok : Failed;
        });

    /// <summary>Parses <c>X,Y</c>; the error names <paramref name="field"/>.</summary>
    public static GridCell ParseCell(string field, string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
        {
            return new GridCell(x, y);
        }

        throw new CoordinationValidationException(field, $"expected X,Y (column,row, e.g. 3,4), got '{text}'");
    }

    /// <summary>The text form of a snapshot; with <paramref name="drawMap"/> the grid (<c>O</c> obstacle, <c>R</c> robot).</summary>
    public static string Describe(WorldSnapshot snapshot, bool drawMap)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var info = snapshot.Map.Info;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"world {info.WorldId}: map {info.MapName} {info.Width}x{info.Height}, map version {info.MapVersion}, ")
            .Append(CultureInfo.InvariantCulture, $"{info.PassableCells} passable cells, {info.Regions.Count} region(s), snapshot version {snapshot.Version}\n");
        sb.Append(CultureInfo.InvariantCulture, $"obstacles: {snapshot.Map.Obstacles.Count}\n");
        foreach (var o in snapshot.Map.Obstacles)
        {
            var until = o.ExpiresAt is { } e ? e.ToString("u", CultureInfo.InvariantCulture) : "removed";
            sb.Append(CultureInfo.InvariantCulture, $"  {o.Cell} from {o.Source}, until {until}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"robots: {snapshot.Robots.Count}\n");
        foreach (var r in snapshot.Robots)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {r.RobotId} at {r.Cell}\n");
        }

        if (drawMap)
        {
            var rows = snapshot.Map.Rows.Select(r => r.ToCharArray()).ToArray();
            foreach (var o in snapshot.Map.Obstacles)
            {
                rows[o.Cell.Y][o.Cell.X] = 'O';
            }

            foreach (var r in snapshot.Robots)
            {
                rows[r.Cell.Y][r.Cell.X] = 'R';
            }

            foreach (var row in rows)
            {
                sb.Append(row).Append('\n');
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private async Task WriteAsync(bool json, object value, string text) =>
        await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(value, Json) : text);

    private async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CoordinationValidationException e)
        {
            await stderr.WriteLineAsync($"coord: {e.Message}");
            return BadInput;
        }
    }
}
