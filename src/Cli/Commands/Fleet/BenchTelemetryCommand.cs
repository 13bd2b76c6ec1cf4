using System.CommandLine;
using Coordination.Bench.Telemetry;

namespace Coordination.Cli.Commands.Fleet;

/// <summary>
/// <c>coord bench telemetry</c>: simulated robot sessions against a silo (its own child process, or the cluster named by
/// <c>--gateway</c>/<c>--redis</c>), with the raw grain-call baseline measured in the same run.
/// </summary>
internal sealed class BenchTelemetryCommand : ICommandFactory
{
    private static readonly Option<int> Robots = new("--robots") { Description = "Simulated robot sessions.", DefaultValueFactory = _ => 2000 };
    private static readonly Option<double> Rate = new("--rate") { Description = "Telemetry rate per robot (Hz) in the paced phase.", DefaultValueFactory = _ => 10 };
    private static readonly Option<double> Seconds = new("--seconds") { Description = "Length of each measured phase.", DefaultValueFactory = _ => 10 };
    private static readonly Option<double> Warmup = new("--warmup") { Description = "Unmeasured seconds before each phase.", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> Worlds = new("--worlds") { Description = "Worlds the robots are spread over.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> Speed = new("--speed") { Description = "Robot speed in cells per second (cell changes reach dispatcher and world model).", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> SiloDll = new("--silo-dll") { Description = "The built Coordination.Silo.dll to start (default: the one next to coord)." };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the figures as JSON to this file." };
    private static readonly Option<bool> TieredJit = new("--tiered-jit") { Description = "Start the silo with tiered JIT (default: fully optimized code at once, to measure the steady state in a short run)." };

    public IReadOnlyList<string> Parents => ["bench"];

    public Command Create()
    {
        var command = new Command("telemetry", "Robot telemetry through RobotSession vs a trivial grain call (throughput, p50/p99, ratio).")
        {
            Robots, Rate, Seconds, Warmup, Worlds, Speed, SiloDll, Json, TieredJit,
        };
        command.SetAction(async (parse, ct) =>
        {
            Coordination.Client.Connection.CoordinationClientOptions? target = null;
            if ((parse.GetValue(ConnectionOptions.Gateway) ?? []).Length > 0 || !string.IsNullOrEmpty(parse.GetValue(ConnectionOptions.Redis)))
            {
                try
                {
                    target = ConnectionOptions.Read(parse);
                }
                catch (FormatException e)
                {
                    await Console.Error.WriteLineAsync($"coord: {e.Message}");
                    return ExitCodes.BadInput;
                }
            }

            var args = new TelemetryBenchArgs(
                parse.GetValue(Robots),
                parse.GetValue(Rate),
                parse.GetValue(Seconds),
                parse.GetValue(Json),
                target,
                parse.GetValue(SiloDll),
                parse.GetValue(Worlds),
                parse.GetValue(Speed),
                parse.GetValue(Warmup),
                parse.GetValue(TieredJit));
            return await TelemetryBenchmark.RunAsync(args, Console.Out, Console.Error, ct);
        });
        return command;
    }
}
