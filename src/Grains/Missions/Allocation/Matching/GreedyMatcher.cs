namespace Coordination.Missions.Allocation;

/// <summary>
/// The baseline: tasks in priority order (input order within a priority), each to its nearest eligible free robot
/// (lowest robot index on ties).
/// </summary>
internal static class GreedyMatcher
{
    /// <summary>Returns the robot index of each task, or -1.</summary>
    public static int[] Solve(TaskEdges edges, IReadOnlyList<int> priority)
    {
        var robotOfTask = new int[edges.TaskCount];
        Array.Fill(robotOfTask, -1);
        var taken = new bool[edges.RobotCount];
        var order = Enumerable.Range(0, edges.TaskCount).OrderByDescending(t => priority[t]);
        foreach (var t in order)
        {
            // Edges come by increasing cost, then robot index: the first free one is the answer.
            var e = 0;
            while (true)
            {
                if (e == edges.Counts[t])
                {
                    if (!edges.Expand(t))
                    {
                        break;
                    }

                    continue;
                }

                var r = edges.Robots[t][e];
                if (!taken[r])
                {
                    taken[r] = true;
                    robotOfTask[t] = r;
                    break;
                }

                e++;
            }
        }

        return robotOfTask;
    }
}
