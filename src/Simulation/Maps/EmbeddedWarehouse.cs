using Coordination.Planning.Mapf.Grid;

namespace Coordination.Simulation.Maps;

/// <summary>
/// The map of the default simulation, generated (not shipped): a small warehouse floor with shelf rows, aisles
/// between them, pick stations along the top wall, chargers along the bottom wall and an open cross aisle.
/// </summary>
public static class EmbeddedWarehouse
{
    public const int Width = 40;
    public const int Height = 24;

    public static GridMap Create()
    {
        var passable = new bool[Width * Height];
        Array.Fill(passable, true);
        // Shelf blocks: rows 4..9 and 14..19, columns in pairs, aisles in between; column 20 is a cross aisle.
        foreach (var (top, bottom) in new[] { (4, 9), (14, 19) })
        {
            for (var x = 3; x < Width - 3; x += 3)
            {
                if (x == 18 || x == 21)
                {
                    continue;
                }

                for (var y = top; y <= bottom; y++)
                {
                    passable[(y * Width) + x] = false;
                    if (x + 1 < Width - 3)
                    {
                        passable[(y * Width) + x + 1] = false;
                    }
                }
            }
        }

        return new GridMap(Width, Height, passable, "embedded-warehouse");
    }
}
