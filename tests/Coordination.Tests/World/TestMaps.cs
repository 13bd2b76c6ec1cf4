namespace Coordination.Tests.World;

/// <summary>Tiny inline maps.</summary>
public static class TestMaps
{
    /// <summary>An open map of the given size.</summary>
    public static string Open(int width, int height) =>
        $"type octile\nheight {height}\nwidth {width}\nmap\n" + string.Concat(Enumerable.Repeat(new string('.', width) + "\n", height));

    /// <summary>6x4 with a wall in column 2 except at row 3: (0,0) to (4,0) is 10 steps around it.</summary>
    public const string Wall = "type octile\nheight 4\nwidth 6\nmap\n..@...\n..@...\n..@...\n......\n";
}
