namespace Coordination.Placement;

/// <summary>A workload (Deployment) by namespace and name; written <c>namespace/name</c>.</summary>
public readonly record struct WorkloadKey(string Namespace, string Name)
{
    /// <summary>Parses <c>namespace/name</c>; returns false for anything else.</summary>
    public static bool TryParse(string? text, out WorkloadKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        key = new WorkloadKey(text[..slash], text[(slash + 1)..]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Name}";
}
