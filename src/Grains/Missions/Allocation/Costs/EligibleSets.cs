namespace Coordination.Missions.Allocation;

/// <summary>Robots eligible for each task before reachability, and how many tasks each robot is eligible for.</summary>
internal sealed record EligibleSets(List<int>[] RobotsByTask, int[] TaskCountByRobot)
{
    public int ActiveTasks => RobotsByTask.Count(l => l.Count > 0);

    public int ActiveRobots => TaskCountByRobot.Count(c => c > 0);

    /// <summary>The same pairs grouped by robot, tasks in index order.</summary>
    public List<int>[] TasksByRobot()
    {
        var byRobot = new List<int>[TaskCountByRobot.Length];
        for (var r = 0; r < byRobot.Length; r++)
        {
            byRobot[r] = new List<int>(TaskCountByRobot[r]);
        }

        for (var t = 0; t < RobotsByTask.Length; t++)
        {
            foreach (var r in RobotsByTask[t])
            {
                byRobot[r].Add(t);
            }
        }

        return byRobot;
    }
}
