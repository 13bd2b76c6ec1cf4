namespace Coordination.Placement;

/// <summary>A pod by namespace and name.</summary>
public readonly record struct PodKey(string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Name}";
}
