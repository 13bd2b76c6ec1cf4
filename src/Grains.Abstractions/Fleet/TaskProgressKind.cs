namespace Coordination.Fleet;

[GenerateSerializer]
[Alias("Coordination.TaskProgressKind")]
public enum TaskProgressKind
{
    Started = 0,
    WaypointReached = 1,
    Completed = 2,
    Failed = 3,
}
