using System.Diagnostics;
using System.Text;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Scenarios;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Planning.Mapf.Running;

/// <summary>
/// <c>coord plan</c>: loads a MovingAI map and scenario, plans the first K agents within the time limit and writes
/// the contract's JSON. Exit codes: 0 solved, 3 not solved within the limit, 2 bad input (one line on stderr).
/// </summary>
public static class PlanRunner
{
    public const int ExitSolved = 0;
    public const int ExitBadInput = 2;
    public const int ExitNotSolved = 3;

    public static int Run(PlanArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Agents <= 0)
        {
            return BadInput(stderr, $"--agents: must be a positive integer, got {args.Agents}");
        }

        if (!double.IsFinite(args.TimeLimitSeconds) || args.TimeLimitSeconds <= 0 || args.TimeLimitSeconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return BadInput(stderr, $"--time-limit: must be a positive number of seconds, got {args.TimeLimitSeconds}");
        }

        GridMap map;
        int[] starts, goals;
        long loaded;
        try
        {
            map = MovingAiMap.Load(args.MapPath);
            loaded = Stopwatch.GetTimestamp();
            var scenario = MovingAiScenario.Load(args.ScenPath);
            (starts, goals) = scenario.Resolve(map, args.Agents);
        }
        catch (MapFormatException e)
        {
            return BadInput(stderr, e.Message);
        }

        var remaining = TimeSpan.FromSeconds(args.TimeLimitSeconds) - Stopwatch.GetElapsedTime(loaded);
        var planner = new MapfPlanner();
        var solution = planner.Solve(
            new MapfRequest(map, starts, goals)
            {
                Seed = args.Seed,
                TimeLimit = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
            },
            cancellationToken);

        var mapName = Path.GetFileName(args.MapPath);
        var scenName = Path.GetFileName(args.ScenPath);
        if (args.OutPath is null)
        {
            using var buffer = new MemoryStream();
            PlanResultJson.Write(buffer, map, mapName, scenName, args.Agents, solution);
            stdout.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            stdout.Flush();
        }
        else
        {
            try
            {
                using var file = File.Create(args.OutPath);
                PlanResultJson.Write(file, map, mapName, scenName, args.Agents, solution);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return BadInput(stderr, $"{args.OutPath}: cannot write the output: {e.Message}");
            }
        }

        if (solution.Status == MapfStatus.InvalidPlan)
        {
            stderr.WriteLine($"coord plan: {solution.Detail}");
        }

        return solution.Solved ? ExitSolved : ExitNotSolved;
    }

    private static int BadInput(TextWriter stderr, string message)
    {
        stderr.WriteLine($"coord plan: {message}");
        return ExitBadInput;
    }
}
