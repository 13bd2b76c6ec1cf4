using Coordination.Placement.Engine;
using CsCheck;

namespace Coordination.Placement.Tests;

public sealed class PlacementPropertyTests
{
    private const long Iterations = 400;

    [Fact]
    public void PlansNeverBreakAHardRuleAndListEveryReplicaOnce() =>
        SmallProblems.Any.Sample(problem =>
        {
            var plan = TestProblems.Solve(problem);
            var violations = PlacementPlanChecker.Check(problem, plan);
            Assert.True(violations.Count == 0, string.Join("; ", violations) + "\n" + PlacementJson.WriteProblem(problem));
            Assert.Equal(problem.Workloads.Sum(w => w.Replicas), plan.Assignments.Count + plan.Unscheduled.Count);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void FirstFitPlansNeverBreakAHardRuleEither() =>
        SmallProblems.Any.Sample(problem =>
        {
            var violations = PlacementPlanChecker.Check(problem, FirstFitPlacer.Solve(problem));
            Assert.True(violations.Count == 0, string.Join("; ", violations));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void UnscheduledReplicasFitNowhereEvenByPreemptingStrictlyLowerPriorities() =>
        SmallProblems.Any.Sample(problem =>
        {
            var plan = TestProblems.Solve(problem);
            foreach (var u in plan.Unscheduled)
            {
                Assert.StartsWith($"0/{problem.Nodes.Count} nodes", u.Reason, StringComparison.Ordinal);
                var node = Oracle.NodeThatCouldTakeByPreemption(problem, plan, u.Workload);
                Assert.True(node is null, $"{u.Workload}[{u.Replica}] could go to {node} by preempting lower priorities\n{PlacementJson.WriteProblem(problem)}");
            }
        }, iter: Iterations, threads: 1);

    [Fact]
    public void ValidCurrentReplicasOnlyLeaveForStrictlyHigherPriorities() =>
        SmallProblems.Any.Sample(problem =>
        {
            // A valid current placement: first-fit's plan of the same problem with priorities scrambled.
            var scrambled = problem with { Current = [], Workloads = [.. problem.Workloads.Select((w, i) => w with { Priority = (i * 37) % 3 })] };
            var current = FirstFitPlacer.Solve(scrambled).Assignments;
            var withCurrent = problem with { Current = current };
            var plan = TestProblems.Solve(withCurrent);

            TestProblems.AssertSound(withCurrent, plan);
            var unscheduled = plan.Unscheduled.Select(u => (u.Workload, u.Replica)).ToHashSet();
            foreach (var eviction in plan.Evictions)
            {
                if (unscheduled.Contains((eviction.Workload, eviction.Replica)))
                {
                    Assert.True(PreemptionReason.TryParse(eviction.Reason, out _, out var high, out var low) && high > low, eviction.Reason);
                }
                else
                {
                    Assert.True(eviction.Reason.StartsWith("moved to make room for ", StringComparison.Ordinal) || eviction.Reason.StartsWith("preempted by ", StringComparison.Ordinal), eviction.Reason);
                }
            }
        }, iter: Iterations, threads: 1);

    [Fact]
    public void ReplanningAPlanMovesNothingUnlessItPlacesMore() =>
        SmallProblems.Any.Sample(problem =>
        {
            var first = TestProblems.Solve(problem with { Current = [] });
            var again = problem with { Current = first.Assignments };
            var second = TestProblems.Solve(again);

            var comparison = Oracle.ComparePlacedByPriority(problem, second, first);
            Assert.True(comparison >= 0, "replanning lost placed replicas");
            if (comparison == 0)
            {
                Assert.Equal(0, second.Moves);
                Assert.Empty(second.Evictions);
            }
        }, iter: Iterations, threads: 1);

    [Fact]
    public void SameSeedGivesTheSamePlan() =>
        SmallProblems.Any.Sample(problem =>
        {
            var a = TestProblems.Solve(problem) with { Runtime = TimeSpan.Zero };
            var b = TestProblems.Solve(problem) with { Runtime = TimeSpan.Zero };
            Assert.Equal(PlacementJson.WritePlan(a), PlacementJson.WritePlan(b));
        }, iter: 100, threads: 1);

    [Fact]
    public void ProblemsRoundTripThroughJson() =>
        SmallProblems.Any.Sample(problem =>
        {
            var json = PlacementJson.WriteProblem(problem);
            Assert.Equal(json, PlacementJson.WriteProblem(PlacementJson.ReadProblem(json)));
        }, iter: 100, threads: 1);
}
