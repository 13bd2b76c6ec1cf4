namespace Coordination.World;

[GenerateSerializer]
[Alias("Coordination.WorldChangeKind")]
public enum WorldChangeKind
{
    MapUploaded = 0,
    ObstacleAdded = 1,
    ObstacleRemoved = 2,
    ObstacleExpired = 3,
    RobotMoved = 4,
    RobotLeft = 5,
}
