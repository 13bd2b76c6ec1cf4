namespace Coordination.Fleet;

/// <summary>What a command tells the robot to do.</summary>
[GenerateSerializer]
[Alias("Coordination.RobotCommandKind")]
public enum RobotCommandKind
{
    /// <summary>Take <see cref="RobotCommand.Assignment"/> (replaces any previous task).</summary>
    Assign = 0,

    /// <summary>Follow <see cref="RobotCommand.Path"/>.</summary>
    FollowPath = 1,

    /// <summary>Drop task <see cref="RobotCommand.TaskId"/> (<see cref="RobotCommand.Reason"/> says why).</summary>
    Cancel = 2,
}
