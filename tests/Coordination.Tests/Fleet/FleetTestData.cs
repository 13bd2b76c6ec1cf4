using Coordination.Common;
using Coordination.Fleet;

namespace Coordination.Tests.Fleet;

/// <summary>Registrations, samples and assignments for fleet tests.</summary>
public static class FleetTestData
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static RobotRegistration Registration(string world = FleetClusterFixture.BoundedWorld, string zone = "", params string[] capabilities) =>
        new("amr-500", capabilities.Length == 0 ? ["lift"] : capabilities, "/amr", world, 1.5, zone);

    public static RobotTelemetry Sample(double x, double y, double battery = 80, RobotStatus status = RobotStatus.Idle, int second = 0) =>
        new(x, y, 0.5, 0.2, 0.0, battery, status, T0.AddSeconds(second));

    public static RobotAssignment Assignment(string taskId, string missionId = "mission-1") =>
        new(taskId, missionId, "pick", [new GridCell(1, 1), new GridCell(5, 5)], 1, T0);
}
