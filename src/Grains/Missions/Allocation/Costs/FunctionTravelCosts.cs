using Coordination.Planning.Mapf.Grid;

namespace Coordination.Missions.Allocation;

internal sealed class FunctionTravelCosts(Func<int, int, int?> cost) : TravelCosts
{
    public override GridMap? Map => null;

    internal override TaskEdges Build(AllocationProblem problem, Eligibility eligibility, EligibleSets eligible)
    {
        var edges = new TaskEdges(problem.Tasks.Count, problem.Robots.Count);
        for (var t = 0; t < problem.Tasks.Count; t++)
        {
            foreach (var r in eligible.RobotsByTask[t])
            {
                var c = cost(t, r);
                if (c is null)
                {
                    continue;
                }

                if (c < 0)
                {
                    throw new InvalidOperationException(
                        $"travel cost for robot '{problem.Robots[r].Id}' to task '{problem.Tasks[t].Id}' is {c}; costs must not be negative");
                }

                edges.Add(t, r, c.Value);
            }
        }

        edges.SortAll();
        return edges;
    }
}
