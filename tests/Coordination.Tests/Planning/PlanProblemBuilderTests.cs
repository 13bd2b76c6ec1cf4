using Coordination.Common;
using Coordination.Planning;
using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;

namespace Coordination.Tests.Planning;

public sealed class PlanProblemBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CollidingProjectionsFallBackToReportedCellsAndRobotsOnOneCellAreLeftOut()
    {
        var map = GridMap.Open(4, 4);
        var problem = PlanProblemBuilder.Build(map, map,
        [
            new PlanAgent("a", new GridCell(1, 1), new GridCell(0, 0), null, T0),
            new PlanAgent("b", new GridCell(1, 1), new GridCell(2, 2), null, T0),
            new PlanAgent("c", new GridCell(3, 3), new GridCell(3, 3), null, T0),
            new PlanAgent("d", new GridCell(3, 3), new GridCell(3, 3), null, T0),
            new PlanAgent("e", new GridCell(9, 9), new GridCell(9, 9), null, T0),
        ], new DistanceFieldCache());
        Assert.Equal(["a", "b", "c"], problem.RobotIds);
        Assert.Equal([map.ToCell(0, 0), map.ToCell(2, 2), map.ToCell(3, 3)], problem.Starts);
        Assert.Equal(["d", "e"], problem.Excluded.Order(StringComparer.Ordinal));
        Assert.Equal("at (3,3) together with robot c: left out of the plan", problem.Problems["d"]);
    }

    [Fact]
    public void ARobotUnderAFreshObstacleCanLeaveAndUnreachableGoalsBecomeNoGoal()
    {
        // Obstacles on (1,1), where a robot stands, and on all of column 2.
        var walls = GridMap.Open(4, 3);
        var occupancy = new GridMap(4, 3, [true, true, false, true, true, false, false, true, true, true, false, true]);
        var problem = PlanProblemBuilder.Build(walls, occupancy,
        [
            new PlanAgent("under", new GridCell(1, 1), new GridCell(1, 1), new GridCell(0, 0), T0),
            new PlanAgent("cut-off", new GridCell(3, 0), new GridCell(3, 0), new GridCell(0, 2), T0.AddSeconds(1)),
        ], new DistanceFieldCache());
        Assert.True(problem.Map.IsPassable(1, 1));
        Assert.False(problem.Map.IsPassable(2, 1));
        Assert.Equal(["cut-off", "under"], problem.RobotIds);
        Assert.Equal([MapfPlanner.NoGoal, problem.Map.ToCell(0, 0)], problem.Goals);
        Assert.Equal("goal (0,2) cannot be reached from (3,0)", problem.Problems["cut-off"]);
    }
}
