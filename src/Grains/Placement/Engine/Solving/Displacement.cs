namespace Coordination.Placement.Engine;

/// <summary>The recorded cause of a displacement, turned into an eviction reason at the end.</summary>
internal readonly record struct Displacement(DisplacementKind Kind, FilterFailure Failure, int ByReplica, int Node)
{
    public static Displacement KeepFailed(FilterFailure failure, int node) => new(DisplacementKind.KeepFailed, failure, -1, node);

    public static Displacement Preempted(int by, int node) => new(DisplacementKind.Preempted, FilterFailure.None, by, node);

    public static Displacement MadeRoom(int by, int node) => new(DisplacementKind.MadeRoom, FilterFailure.None, by, node);
}
