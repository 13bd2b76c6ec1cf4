namespace Coordination.Planning.Mapf.Grid;

/// <summary>A map or scenario file that cannot be read; the message names the file and the line.</summary>
public sealed class MapFormatException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    /// <summary>1-based line number (0 when the problem is the file as a whole).</summary>
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
