using System.Globalization;
using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

/// <summary>
/// <c>coord dispatch solve</c>: reads the input (and map), solves, writes the result JSON. Exit 0 on a plan, 2 on bad
/// input with one line per problem naming the file and the JSON path (or the map file and line).
/// </summary>
public static class DispatchRunner
{
    public const int Ok = 0;

    public const int BadInput = 2;

    private const string Command = "coord dispatch solve";

    public static int Run(DispatchSolveArgs args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        GridMap? map = null;
        if (args.MapPath is not null)
        {
            try
            {
                map = MovingAiMap.Load(args.MapPath);
            }
            catch (MapFormatException e)
            {
                stderr.WriteLine($"{Command}: {e.Message}");
                return BadInput;
            }
        }

        string json;
        try
        {
            json = File.ReadAllText(args.InputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{Command}: {args.InputPath}: cannot read the file: {e.Message}");
            return BadInput;
        }

        AllocationResult result;
        try
        {
            var problem = AllocationJson.ReadProblem(json, map);
            result = TaskAllocator.Solve(problem);
        }
        catch (AllocationInputException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.WriteLine($"{Command}: {args.InputPath}: {error}");
            }

            return BadInput;
        }

        var output = AllocationJson.WriteResult(result);
        if (args.OutPath is null)
        {
            stdout.Write(output);
            return Ok;
        }

        try
        {
            File.WriteAllText(args.OutPath, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{Command}: {args.OutPath}: cannot write the file: {e.Message}");
            return BadInput;
        }

        var taskCount = result.Assignments.Count + result.Unassigned.Count;
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"assigned {result.Assignments.Count} of {taskCount} tasks, total cost {result.TotalCost}, {result.Runtime.TotalMilliseconds:0.###} ms: wrote {args.OutPath}"));
        return Ok;
    }
}
