namespace Coordination.Placement;

/// <summary>A node affinity requirement (Kubernetes operators In, NotIn, Exists, DoesNotExist, Gt, Lt).</summary>
public sealed record NodeSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether a node with <paramref name="labels"/> satisfies the requirement (an unknown operator never does).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => has && Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !has || !Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && Compare(value!) > 0,
            "Lt" => has && Compare(value!) < 0,
            _ => false,
        };
    }

    private int Compare(string value) =>
        Values.Count == 1
        && long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var actual)
        && long.TryParse(Values[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : 0;
}
