using System.CommandLine;

namespace Coordination.Cli.Commands.Missions;

/// <summary><c>coord mission submit FILE</c>: submits a mission spec (JSON or YAML).</summary>
internal sealed class MissionSubmitCommand : ICommandFactory
{
    public IReadOnlyList<string> Parents => MissionCommands.Parents;

    public Command Create()
    {
        var file = new Argument<string>("file") { Description = "The mission spec: .json, or .yaml/.yml (see docs/missions.md)." };
        var watch = new Option<bool>("--watch") { Description = "Follow the mission until it is over (exit 1 unless it completes)." };
        var json = MissionCommands.Json();
        var command = new Command("submit", "Submit a mission; submitting the same spec again is harmless (the id is the idempotency key).") { file, watch, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = MissionFile.ReadAsJson(path);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"coord: {e.Message}");
                return ExitCodes.BadInput;
            }

            return await MissionCommands.RunAsync(parse, runner => runner.SubmitAsync(text, path, parse.GetValue(watch), parse.GetValue(json), ct), ct);
        });
        return command;
    }
}
