using System.CommandLine;
using Coordination.Client.Missions;

namespace Coordination.Cli.Commands.Missions;

/// <summary>Shared pieces of the <c>coord mission</c> commands.</summary>
internal static class MissionCommands
{
    public static IReadOnlyList<string> Parents => ["mission"];

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };

    public static Argument<string> Id() => new("id") { Description = "The mission id." };

    /// <summary>Connects with the global options and runs <paramref name="body"/> with a runner on the console.</summary>
    public static Task<int> RunAsync(ParseResult parse, Func<MissionCommandRunner, Task<int>> body, CancellationToken cancellationToken) =>
        ConnectionOptions.WithClientAsync(
            parse,
            client => body(new MissionCommandRunner(client.Missions(), Console.Out, Console.Error)),
            cancellationToken);
}
