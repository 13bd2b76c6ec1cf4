using Coordination.Planning.Mapf.Grid;

namespace Coordination.Planning;

/// <summary>
/// A MAPF problem built from the robots of a world: agent <c>i</c> is <see cref="RobotIds"/>[i] with start and goal
/// cell indices of <see cref="Map"/> (goal <c>MapfPlanner.NoGoal</c> when it has none or its goal cannot be planned);
/// <see cref="Problems"/> says why a robot's goal or the robot itself was left out.
/// </summary>
public sealed record PlanProblem(
    GridMap Map,
    IReadOnlyList<string> RobotIds,
    int[] Starts,
    int[] Goals,
    IReadOnlyDictionary<string, string> Problems,
    IReadOnlySet<string> Excluded);
