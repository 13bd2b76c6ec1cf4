namespace Coordination.Placement.Engine;

/// <summary>A workload toleration; <see cref="Effect"/> <c>null</c> matches every effect.</summary>
public sealed record Toleration(
    string Key = "",
    TolerationOperator Operator = TolerationOperator.Equal,
    string Value = "",
    TaintEffect? Effect = null)
{
    /// <summary>Whether this toleration matches <paramref name="taint"/> (Kubernetes semantics).</summary>
    public bool Tolerates(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        return Operator switch
        {
            TolerationOperator.Exists => Key.Length == 0 || string.Equals(Key, taint.Key, StringComparison.Ordinal),
            _ => string.Equals(Key, taint.Key, StringComparison.Ordinal) && string.Equals(Value, taint.Value, StringComparison.Ordinal),
        };
    }
}
