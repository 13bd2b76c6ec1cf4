namespace Coordination.Nodes.Tegrastats;

/// <summary>A tegrastats line that could not be read; names the token (1-based position) and the problem.</summary>
public sealed class TegrastatsFormatException : FormatException
{
    public TegrastatsFormatException(string token, int position, string problem)
        : base(position > 0 ? $"token {position} '{token}': {problem}" : problem)
    {
        Token = token;
        Position = position;
        Problem = problem;
    }

    public TegrastatsFormatException()
        : this(string.Empty, 0, "unreadable tegrastats line")
    {
    }

    public TegrastatsFormatException(string message)
        : this(string.Empty, 0, message)
    {
    }

    public TegrastatsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Token = string.Empty;
        Problem = message;
    }

    /// <summary>The token that could not be read (empty when the line as a whole is wrong).</summary>
    public string Token { get; }

    /// <summary>1-based position of the token in the line; 0 when the line as a whole is wrong.</summary>
    public int Position { get; }

    public string Problem { get; }
}
