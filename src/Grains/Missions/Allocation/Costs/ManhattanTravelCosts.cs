using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

internal sealed class ManhattanTravelCosts : TravelCosts
{
    public override GridMap? Map => null;

    internal override TaskEdges Build(AllocationProblem problem, Eligibility eligibility, EligibleSets eligible)
    {
        var edges = new TaskEdges(problem.Tasks.Count, problem.Robots.Count);
        for (var t = 0; t < problem.Tasks.Count; t++)
        {
            var task = problem.Tasks[t];
            foreach (var r in eligible.RobotsByTask[t])
            {
                var robot = problem.Robots[r];
                edges.Add(t, r, Math.Abs(robot.X - task.X) + Math.Abs(robot.Y - task.Y));
            }
        }

        edges.SortAll();
        return edges;
    }
}
