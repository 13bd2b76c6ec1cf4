using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

internal sealed class DistanceFieldTravelCosts(GridMap map, Func<int, DistanceField> distancesTo) : TravelCosts
{
    public override GridMap? Map => map;

    internal override TaskEdges Build(AllocationProblem problem, Eligibility eligibility, EligibleSets eligible)
    {
        var edges = new TaskEdges(problem.Tasks.Count, problem.Robots.Count);
        var perTask = eligible.ActiveTasks <= eligible.ActiveRobots;
        if (perTask)
        {
            for (var t = 0; t < problem.Tasks.Count; t++)
            {
                var robots = eligible.RobotsByTask[t];
                if (robots.Count == 0)
                {
                    continue;
                }

                var task = problem.Tasks[t];
                var field = distancesTo(map.ToCell(task.X, task.Y));
                foreach (var r in robots)
                {
                    var robot = problem.Robots[r];
                    var cell = map.ToCell(robot.X, robot.Y);
                    if (field.IsReachable(cell))
                    {
                        edges.Add(t, r, field[cell]);
                    }
                }
            }

            edges.SortAll();
            return edges;
        }

        var tasksByRobot = eligible.TasksByRobot();
        for (var r = 0; r < problem.Robots.Count; r++)
        {
            if (tasksByRobot[r].Count == 0)
            {
                continue;
            }

            var robot = problem.Robots[r];
            var field = distancesTo(map.ToCell(robot.X, robot.Y));
            foreach (var t in tasksByRobot[r])
            {
                var task = problem.Tasks[t];
                var cell = map.ToCell(task.X, task.Y);
                if (field.IsReachable(cell))
                {
                    edges.Add(t, r, field[cell]);
                }
            }
        }

        edges.SortAll();
        return edges;
    }
}
