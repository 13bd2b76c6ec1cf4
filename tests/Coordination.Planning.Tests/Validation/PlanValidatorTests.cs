using Coordination.Planning.Mapf.Grid;
using Coordination.Planning.Mapf.Solving;
using Coordination.Planning.Mapf.Validation;

namespace Coordination.Planning.Tests.Validation;

/// <summary>Hand-made bad plans on a 3x3 map (cells 0 1 2 / 3 4 5 / 6 7 8, cell 8 blocked).</summary>
public sealed class PlanValidatorTests
{
    private static readonly GridMap Map = MovingAiMap.Parse("type octile\nheight 3\nwidth 3\nmap\n...\n...\n..@\n");

    private static IReadOnlyList<PlanViolation> Check(int[] starts, int[] goals, params int[][] paths) =>
        PlanValidator.Validate(Map, starts, goals, paths);

    [Fact]
    public void ValidPlanHasNoViolation()
    {
        // Agent 0 goes 0 -> 2 along the top row, agent 1 goes 5 -> 3 through the middle row behind it.
        Assert.Empty(Check([0, 5], [2, 3], [0, 1, 2], [5, 4, 3]));
    }

    [Fact]
    public void FollowingIsAllowed()
    {
        // Agent 1 moves into the cell agent 0 leaves at the same step.
        Assert.Empty(Check([1, 0], [2, 1], [1, 2], [0, 1]));
    }

    [Fact]
    public void VertexConflict()
    {
        var v = Assert.Single(Check([0, 2], [4, 4], [0, 1, 4], [2, 1, 4]), x => x.Kind == PlanViolationKind.VertexConflict && x.Time == 1);
        Assert.Equal((0, 1), (v.Agent, v.OtherAgent));
    }

    [Fact]
    public void VertexConflictWithAnAgentWaitingOnItsGoal()
    {
        // Agent 0 reaches 1 at t=1 and stays there; agent 1 passes through 1 at t=2.
        var v = Assert.Single(Check([0, 3], [1, 2], [0, 1], [3, 4, 1, 2]));
        Assert.Equal(PlanViolationKind.VertexConflict, v.Kind);
        Assert.Equal(2, v.Time);
    }

    [Fact]
    public void SwapConflict()
    {
        var v = Assert.Single(Check([0, 1], [1, 0], [0, 1], [1, 0]));
        Assert.Equal(PlanViolationKind.SwapConflict, v.Kind);
        Assert.Equal(0, v.Time);
    }

    [Fact]
    public void Discontinuity()
    {
        var v = Assert.Single(Check([0], [2], [0, 2]));
        Assert.Equal(PlanViolationKind.Discontinuity, v.Kind);
        Assert.Equal(1, v.Time);
    }

    [Fact]
    public void DiagonalMoveIsADiscontinuity() =>
        Assert.Equal(PlanViolationKind.Discontinuity, Assert.Single(Check([0], [4], [0, 4])).Kind);

    [Fact]
    public void WrapAroundTheRowIsADiscontinuity() =>
        Assert.Equal(PlanViolationKind.Discontinuity, Assert.Single(Check([2], [3], [2, 3])).Kind);

    [Fact]
    public void WrongStartAndWrongGoal()
    {
        var kinds = Check([0], [2], [1, 4]).Select(v => v.Kind).ToHashSet();
        Assert.Equal([PlanViolationKind.WrongStart, PlanViolationKind.WrongGoal], kinds);
    }

    [Fact]
    public void BlockedCell() =>
        Assert.Contains(Check([5], [7], [5, 8, 7]), v => v.Kind == PlanViolationKind.BlockedCell && v.Time == 1);

    [Fact]
    public void OutsideTheMap() =>
        Assert.Contains(Check([0], [0], [0, -1, 0]), v => v.Kind == PlanViolationKind.BlockedCell);

    [Fact]
    public void AgentCountAndEmptyPath()
    {
        Assert.Equal(PlanViolationKind.AgentCount, Assert.Single(Check([0, 1], [0, 1], [0])).Kind);
        Assert.Equal(PlanViolationKind.EmptyPath, Assert.Single(Check([0], [0], Array.Empty<int>())).Kind);
    }

    [Fact]
    public void AgentWithoutGoalMayEndAnywhere() =>
        Assert.Empty(Check([0], [MapfPlanner.NoGoal], [0, 3, 6]));
}
