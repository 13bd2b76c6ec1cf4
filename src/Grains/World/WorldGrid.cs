using Coordination.Common;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.World;

/// <summary>Map text in, grid out: parsing with file:line errors, the stored row form, and grids with obstacles.</summary>
public static class WorldGrid
{
    public const int MaxFileNameLength = 256;

    /// <summary>Parses MovingAI map text; problems throw <see cref="CoordinationValidationException"/> with field <c>file:line</c>.</summary>
    public static GridMap Parse(string? mapText, string? fileName, int maxCells)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "map" : Path.GetFileName(fileName.Trim());
        if (name.Length > MaxFileNameLength)
        {
            throw new CoordinationValidationException("fileName", $"longer than {MaxFileNameLength} characters");
        }

        if (mapText is null || mapText.Length == 0)
        {
            throw new CoordinationValidationException(name, "the map is empty");
        }

        GridMap map;
        try
        {
            map = MovingAiMap.Parse(mapText, name);
        }
        catch (MapFormatException e)
        {
            throw new CoordinationValidationException($"{name}:{e.Line}", e.Problem);
        }

        if ((long)map.Width * map.Height > maxCells)
        {
            throw new CoordinationValidationException($"{name}:0", $"{map.Width}x{map.Height} is larger than the {maxCells} cells allowed");
        }

        if (map.PassableCount == 0)
        {
            throw new CoordinationValidationException($"{name}:0", "the map has no passable cell");
        }

        return map;
    }

    /// <summary>The rows of a map as stored and sent: <c>.</c> passable, <c>@</c> wall.</summary>
    public static List<string> ToRows(GridMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rows = new List<string>(map.Height);
        var chars = new char[map.Width];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                chars[x] = map.IsPassable(x, y) ? WorldMapSnapshot.Free : WorldMapSnapshot.Wall;
            }

            rows.Add(new string(chars));
        }

        return rows;
    }

    /// <summary>The static map from stored rows.</summary>
    public static GridMap FromRows(IReadOnlyList<string> rows, int width, int height, string name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var passable = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = rows[y];
            for (var x = 0; x < width; x++)
            {
                passable[(y * width) + x] = row[x] == WorldMapSnapshot.Free;
            }
        }

        return new GridMap(width, height, passable, name);
    }

    /// <summary>The map of a snapshot with its dynamic obstacles blocked.</summary>
    public static GridMap FromSnapshot(WorldMapSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var map = FromRows(snapshot.Rows, snapshot.Info.Width, snapshot.Info.Height, snapshot.Info.MapName);
        return WithObstacles(map, snapshot.Obstacles.Select(o => o.Cell));
    }

    /// <summary>A copy of <paramref name="map"/> with the given cells blocked (cells outside are ignored).</summary>
    public static GridMap WithObstacles(GridMap map, IEnumerable<GridCell> blocked)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(blocked);
        var passable = map.CopyPassability();
        var any = false;
        foreach (var c in blocked)
        {
            if (map.InBounds(c.X, c.Y))
            {
                passable[map.ToCell(c.X, c.Y)] = false;
                any = true;
            }
        }

        return any ? new GridMap(map.Width, map.Height, passable, map.Name) : map;
    }

    /// <summary>Throws unless the cell is inside the map; <paramref name="field"/> names the argument.</summary>
    public static void RequireInBounds(string field, GridCell cell, int width, int height)
    {
        if (cell.X < 0 || cell.Y < 0 || cell.X >= width || cell.Y >= height)
        {
            throw new CoordinationValidationException(field, $"{cell} is outside the {width}x{height} map");
        }
    }
}
