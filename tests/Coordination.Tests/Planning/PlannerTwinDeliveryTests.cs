using Coordination.Client.World;
using Coordination.Common;
using Coordination.Fleet;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.World;

namespace Coordination.Tests.Planning;

/// <summary>The planner's paths reach the robot twins (the default delivery, on the shared cluster).</summary>
[Collection(ClusterCollection.Name)]
public sealed class PlannerTwinDeliveryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PathsArriveAtTheTwinsOfTheRobots()
    {
        var world = new WorldClient(fixture.Client);
        var id = TestKeys.New("world");
        await world.UploadMapAsync(id, TestMaps.Open(6, 6));
        var a = TestKeys.New("robot");
        var b = TestKeys.New("robot");
        foreach (var robot in new[] { a, b })
        {
            await fixture.Client.GetGrain<IRobotGrain>(robot).Register(new RobotRegistration("amr-500", [], "/amr", id, 1.0, string.Empty));
        }

        await world.SetGoalAsync(id, a, new GridCell(0, 0), new GridCell(5, 0));
        await world.SetGoalAsync(id, b, new GridCell(5, 0), new GridCell(0, 0));
        foreach (var robot in new[] { a, b })
        {
            await Eventually.Get(
                () => fixture.Client.GetGrain<IRobotGrain>(robot).GetState(),
                s => s.CurrentPath is { } p && p.Cells[^1] == (robot == a ? new GridCell(5, 0) : new GridCell(0, 0)),
                $"{robot}'s twin gets its path");
        }

        var plan = await world.GetPlanAsync(id);
        PlanChecks.AssertConflictFree(plan.Robots.ToDictionary(r => r.RobotId, r => r.Path!), _ => true);
    }
}
