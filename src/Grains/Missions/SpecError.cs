namespace Coordination.Missions;

/// <summary>One problem of a mission spec: the JSON path of the field and what is wrong with it.</summary>
public sealed record SpecError(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}
