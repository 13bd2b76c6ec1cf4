namespace Coordination.Cli.Commands;

/// <summary>Exit codes shared by every `coord` command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but its result is a failure (e.g. `simulate` lost a mission).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: options, files or JSON; the message names the offending field.</summary>
    public const int BadInput = 2;

    /// <summary>Not solved within the time limit (`plan`).</summary>
    public const int NotSolved = 3;

    /// <summary>The cluster could not be reached.</summary>
    public const int Unreachable = 4;
}
