using System.CommandLine;

namespace Coordination.Cli.Commands;

/// <summary>
/// One `coord` command. Implementations are discovered by reflection, so adding a command is adding a file.
/// </summary>
internal interface ICommandFactory
{
    /// <summary>The names of the parent commands, e.g. <c>["dispatch"]</c> for <c>coord dispatch solve</c>; empty for a top-level command.</summary>
    IReadOnlyList<string> Parents { get; }

    /// <summary>Builds the command with its options and action.</summary>
    Command Create();
}
