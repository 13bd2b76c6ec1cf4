namespace Coordination.Placement.Engine;

/// <summary>One problem in the input: the JSON path of the offending field and what is wrong with it.</summary>
public sealed record PlacementValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
