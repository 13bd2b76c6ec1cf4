using Coordination.Missions.Allocation;
using CsCheck;

namespace Coordination.Allocation.Tests;

public sealed class OptimalityProperties
{
    [Fact]
    public void SmallInstancesMatchTheBruteForceOptimum() =>
        Instances.Problems(maxRobots: 6, maxTasks: 6, maxSide: 5, maxPriority: 2).Sample(
            problem =>
            {
                var oracle = new Oracle(problem);
                var result = TaskAllocator.Solve(problem);
                AssertWellFormed(problem, oracle, result);
                var expected = oracle.BruteForce();
                var actual = oracle.Evaluate(result);
                Assert.True(expected.CompareTo(actual) == 0, $"expected {expected}, got {actual}");
            },
            iter: 1500,
            print: Instances.Describe);

    [Fact]
    public void MediumInstancesMatchADenseHungarianWithPriorityWeights() =>
        Instances.Problems(maxRobots: 40, maxTasks: 40, maxSide: 12, maxPriority: 3).Sample(
            problem =>
            {
                var oracle = new Oracle(problem);
                var result = TaskAllocator.Solve(problem);
                AssertWellFormed(problem, oracle, result);
                var expected = oracle.Hungarian();
                var actual = oracle.Evaluate(result);
                Assert.True(expected.CompareTo(actual) == 0, $"expected {expected}, got {actual}");
            },
            iter: 150,
            print: Instances.Describe);

    [Fact]
    public void GreedyIsNeverBetterAndEveryCostSourceAgrees() =>
        Instances.Problems(maxRobots: 12, maxTasks: 12, maxSide: 8, maxPriority: 2).Sample(
            problem =>
            {
                var oracle = new Oracle(problem);
                var optimal = oracle.Evaluate(TaskAllocator.Solve(problem));
                var greedy = TaskAllocator.SolveGreedy(problem);
                AssertWellFormed(problem, oracle, greedy);
                Assert.True(optimal.CompareTo(oracle.Evaluate(greedy)) >= 0);

                var fromFunction = TaskAllocator.Solve(problem, TravelCosts.FromFunction((t, r) => oracle.Cost(t, r)));
                Assert.Equal(0, optimal.CompareTo(oracle.Evaluate(fromFunction)));
                if (problem.Map is { } map)
                {
                    var fields = TaskAllocator.Solve(problem, TravelCosts.FromDistanceFields(map, map.DistancesTo));
                    Assert.Equal(0, optimal.CompareTo(oracle.Evaluate(fields)));
                }
            },
            iter: 300,
            print: Instances.Describe);

    /// <summary>One robot and one task per pair at most, every pair eligible at its true cost, the rest unassigned in order.</summary>
    private static void AssertWellFormed(AllocationProblem problem, Oracle oracle, AllocationResult result)
    {
        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.RobotIndex).Distinct().Count());
        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.TaskIndex).Distinct().Count());
        foreach (var a in result.Assignments)
        {
            Assert.Equal(problem.Robots[a.RobotIndex].Id, a.Robot);
            Assert.Equal(problem.Tasks[a.TaskIndex].Id, a.Task);
            Assert.Equal(oracle.Cost(a.TaskIndex, a.RobotIndex), a.Cost);
        }

        var assigned = result.Assignments.Select(a => a.TaskIndex).ToHashSet();
        Assert.Equal(problem.Tasks.Where((_, i) => !assigned.Contains(i)).Select(t => t.Id), result.Unassigned);
        Assert.Equal(result.Assignments.Sum(a => (long)a.Cost), result.TotalCost);
    }
}
