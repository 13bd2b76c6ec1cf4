namespace Coordination.Planning.Mapf.Scenarios;

/// <summary>One row of a MovingAI <c>.scen</c> file: an agent's start and goal (x = column, y = row).</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="OptimalLength">The file's last column (octile distance); not the 4-connected lower bound.</param>
public readonly record struct ScenarioAgent(
    int Line,
    int Bucket,
    string MapName,
    int MapWidth,
    int MapHeight,
    int StartX,
    int StartY,
    int GoalX,
    int GoalY,
    double OptimalLength);
